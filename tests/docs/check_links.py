#!/usr/bin/env python3
"""Fails when documentation or a comment points to a file that is not in the repository.

Reads the Markdown files (docs/, the README files), the comments of Java sources and the comments of
scripts, manifests and configuration (bin/, tests/, bench/, k8s/, .ci/, *.properties, *.yaml), and checks:

  - every relative Markdown link, [text](path), against the linking file's directory; a link to a
    heading of a Markdown file in the repository (path#anchor, or #anchor alone) must name a heading
    of that file;
  - every repository path named in prose, backticks or comments: a path that starts at a top-level
    folder of the repository (docs/..., k8s/..., gateway/src/..., tests/...), with "..." standing for
    any folders (gateway/.../Foo.java) and * for any name (examples/designs/*.json); a class named
    without its extension (gateway/.../security/PathSpellingTest) may be a .java file;
  - every section named after a Markdown file, docs/operations.md, "Webhook secrets": the file must
    have a heading (its number aside) or a paragraph opening with a bold title that starts with that
    text (case aside).

Build outputs (target/) and paths with a placeholder (<name>, {id}, $VAR) are not checked. Standard
library only, no network: .ci/run runs it before the Maven build.

Usage: tests/docs/check_links.py [repository root, default: two levels above this file]
"""
import glob
import os
import re
import sys

ROOT = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", ".."))
SKIP_DIRS = {".git", "target", "node_modules", ".mvn"}
# The top-level folders a reference may start at: those there now, and those the references use, so that a
# path into a folder that has gone away is caught too.
KNOWN = {"docs", "k8s", "bin", "examples", "tests", "bench", ".ci", "gateway", "design-model", "service-support",
         "test-support", "layout-service", "shielding-service", "recipe-service"}
TOP = sorted(KNOWN | {d for d in os.listdir(ROOT) if os.path.isdir(os.path.join(ROOT, d)) and d not in SKIP_DIRS},
             key=len, reverse=True)

# A repository path: a top-level folder, then path characters; "..." and "*" allowed as wildcards.
PATH = re.compile(r"(?<![\w./@:-])(?:%s)/[\w.*/-]*[\w*/]" % "|".join(re.escape(d) for d in TOP))
MD_LINK = re.compile(r"!?\[[^\]]*\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")
SECTION = re.compile(r"([\w./-]+\.md),? (?:section )?\"([^\"]+)\"")
FENCE = re.compile(r"^\s*(```|~~~)")


def files():
    for base, dirs, names in os.walk(ROOT):
        dirs[:] = [d for d in dirs if d not in SKIP_DIRS]
        for name in names:
            yield os.path.join(base, name)


def java_comments(text):
    """The comments of a Java source, with their line numbers; string literals are skipped."""
    i, n, line = 0, len(text), 1
    while i < n:
        if text.startswith("//", i) or text.startswith("/*", i):
            end = text.find("\n", i) if text[i + 1] == "/" else text.find("*/", i + 2)
            end = n if end < 0 else end
            for k, piece in enumerate(text[i:end].split("\n")):
                yield line + k, piece
            line += text.count("\n", i, end)
            i = end
        elif text.startswith('"""', i):
            end = text.find('"""', i + 3)
            end = n if end < 0 else end + 3
            line += text.count("\n", i, end)
            i = end
        elif text[i] in "\"'":
            j = i + 1
            while j < n and text[j] != text[i] and text[j] != "\n":
                j += 2 if text[j] == "\\" else 1
            i = j + 1
        else:
            if text[i] == "\n":
                line += 1
            i += 1


def hash_comments(text):
    """Lines and trailing parts of lines that are # comments (shell, YAML, properties, Dockerfiles)."""
    for number, raw in enumerate(text.split("\n"), 1):
        stripped = raw.lstrip()
        if stripped.startswith("#!"):
            continue
        if stripped.startswith("#"):
            yield number, stripped
        else:
            at = raw.find(" #")
            if at >= 0 and raw.count("'", 0, at) % 2 == 0 and raw.count('"', 0, at) % 2 == 0:
                yield number, raw[at:]


def markdown_text(text):
    """Markdown outside fenced code blocks (code blocks hold commands and output, not references)."""
    inside = False
    for number, raw in enumerate(text.split("\n"), 1):
        if FENCE.match(raw):
            inside = not inside
            continue
        if not inside:
            yield number, raw


def slug(heading):
    """GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens."""
    text = re.sub(r"`|\*\*|__", "", heading.strip().lower())
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    return re.sub(r"[^\w\- ]", "", text).replace(" ", "-")


ANCHORS = {}
HEADINGS = {}


def headings(path):
    if path not in HEADINGS:
        with open(path, encoding="utf-8") as f:
            titles = []
            for _, raw in markdown_text(f.read()):
                # A heading, or a paragraph that opens with a bold title: **Rate limits** (per replica) ...
                m = re.match(r"#{1,6}\s+(.*?)\s*#*\s*$", raw) or re.match(r"\*\*([^*]+)\*\*", raw)
                if m:
                    title = re.sub(r"`|\*\*", "", m.group(1)).strip().lower()
                    titles.append(re.sub(r"^\d+\.\s+", "", title))
            HEADINGS[path] = titles
    return HEADINGS[path]


def check_section(source, document, section):
    """document names a Markdown file from the root, from the naming file's folder, or (bare) in docs/."""
    for base in (ROOT, os.path.dirname(source), os.path.join(ROOT, "docs")):
        candidate = os.path.normpath(os.path.join(base, document))
        if os.path.isfile(candidate):
            wanted = section.strip().lower()
            return any(h.startswith(wanted) for h in headings(candidate))
    return False


def anchors(path):
    if path not in ANCHORS:
        seen, found = {}, set()
        with open(path, encoding="utf-8") as f:
            for _, raw in markdown_text(f.read()):
                m = re.match(r"#{1,6}\s+(.*?)\s*#*\s*$", raw)
                if m:
                    base = slug(m.group(1))
                    count = seen.get(base, 0)
                    seen[base] = count + 1
                    found.add(base if count == 0 else "%s-%d" % (base, count))
                for a in re.findall(r"<a\s+(?:name|id)=\"([^\"]+)\"", raw):
                    found.add(a)
        ANCHORS[path] = found
    return ANCHORS[path]


def exists(relative):
    pattern = relative.rstrip("/").replace("...", "**")
    if "*" in pattern:
        return bool(glob.glob(os.path.join(ROOT, pattern), recursive=True)
                    or glob.glob(os.path.join(ROOT, pattern + ".java"), recursive=True))
    return os.path.exists(os.path.join(ROOT, pattern)) or os.path.isfile(os.path.join(ROOT, pattern + ".java"))


def check_path(token):
    token = token.rstrip(".,;:")
    if "/target/" in token + "/" or re.search(r"[<>{}$]", token):
        return True
    return exists(token)


def check_link(source, target):
    if re.match(r"^[a-z][a-z0-9+.-]*:", target, re.I) or target.startswith("//") or re.search(r"[<>{}$]", target):
        return True
    path, _, anchor = target.partition("#")
    resolved = os.path.normpath(os.path.join(os.path.dirname(source), path)) if path else source
    if path.startswith("/"):
        resolved = os.path.normpath(os.path.join(ROOT, path.lstrip("/")))
    if not os.path.exists(resolved):
        return False
    if anchor and resolved.endswith(".md") and os.path.isfile(resolved):
        return anchor in anchors(resolved)
    return True


def main():
    problems = []
    for path in sorted(files()):
        rel = os.path.relpath(path, ROOT)
        name = os.path.basename(path)
        try:
            with open(path, encoding="utf-8") as f:
                text = f.read()
        except (UnicodeDecodeError, OSError):
            continue
        if name.endswith(".md"):
            chunks = markdown_text(text)
        elif name.endswith(".java"):
            chunks = java_comments(text)
        elif (name.endswith((".sh", ".py", ".lua", ".properties", ".yaml", ".yml", ".conf"))
              or name in ("run", "shieldfab", "Dockerfile") or text.startswith("#!/")):
            chunks = hash_comments(text) if not name.endswith(".lua") else (
                (n, l[l.find("--"):]) for n, l in enumerate(text.split("\n"), 1) if "--" in l)
        else:
            continue
        for number, chunk in chunks:
            if name.endswith(".md"):
                for target in MD_LINK.findall(chunk):
                    if not check_link(path, target):
                        problems.append("%s:%d: link to a missing file or heading: %s" % (rel, number, target))
                chunk = MD_LINK.sub(lambda m: m.group(0).split("](")[0], chunk)
            for document, section in SECTION.findall(chunk):
                if not check_section(path, document, section):
                    problems.append('%s:%d: names a section that is not there: %s, "%s"' % (rel, number, document, section))
            for token in PATH.findall(chunk):
                if not check_path(token):
                    problems.append("%s:%d: names a path that is not in the repository: %s" % (rel, number, token))
    for p in problems:
        print(p)
    print("check_links: %d problem(s)" % len(problems), file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
