#!/usr/bin/env python3
"""Fails when a main Java class has over 400 code lines or a method over 60 lines (docs/architecture.md,
"Module map"). Code lines are non-blank, non-comment lines other than import and package; methods are found
by their signature and brace matching, which is enough for this code base's formatting.
Usage: code_size.py [repo-dir]; exit status 1 when anything is over."""
import os, re, sys
root = sys.argv[1] if len(sys.argv) > 1 else '.'
sig = re.compile(r'^\s*(?:@\w+(?:\([^)]*\))?\s+)*(?:(?:public|protected|private|static|final|synchronized|abstract|default|native)\s+)*(?:<[^>]+>\s+)?[\w.<>\[\],? ]+\s+(\w+)\s*\([^;{]*$|^\s*(?:(?:public|protected|private)\s+)?(\w+)\s*\([^;]*\)\s*(?:throws [\w., ]+)?\s*\{\s*$|^\s*(?:public|protected|private)?\s*(\w+)\s*\{\s*$')
def strip(lines):
    out=[]; inblock=False
    for l in lines:
        s=l
        if inblock:
            if '*/' in s: s=s.split('*/',1)[1]; inblock=False
            else: out.append(''); continue
        s=re.sub(r'"(?:\\.|[^"\\])*"','""',s)
        s=re.sub(r"'(?:\\.|[^'\\])*'","''",s)
        s=re.sub(r'/\*.*?\*/','',s)
        if '/*' in s: s=s.split('/*',1)[0]; inblock=True
        s=s.split('//',1)[0]
        out.append(s)
    return out
bad=0
for dp,dn,fn in os.walk(root):
    if '/target' in dp or '/.git' in dp or '/src/test' in dp: continue
    for f in fn:
        if not f.endswith('.java') or '/src/main/' not in dp+'/': continue
        p=os.path.join(dp,f); raw=open(p,encoding='utf-8').read().split('\n'); L=strip(raw)
        code=sum(1 for l in L if l.strip() and not re.match(r'\s*(import|package)\s',l))
        if code>400: print(f'CLASS {p}: {code} code lines'); bad+=1
        i=0
        while i<len(L):
            l=L[i]
            m=re.match(r'^\s*(?:@\w+(?:\([^)]*\))?\s+)*(?:(?:public|protected|private|static|final|synchronized|abstract|default)\s+)*(?:<[^>]+>\s+)?([\w.<>\[\],?]+(?:<[^()]*>)?)\s+(\w+)\s*\(',l)
            if m and m.group(1) not in ('new','return','else','throw') and not re.match(r'\s*(if|for|while|switch|catch|return|new)\b',l) and not re.search(r'\b(record|class|enum|interface)\b',l):
                # find opening brace
                j=i; depth=0; started=False; end=None
                while j<len(L):
                    for ch in L[j]:
                        if ch=='{': depth+=1; started=True
                        elif ch=='}': depth-=1
                        elif ch==';' and not started and depth==0: end=-1; break
                    if end==-1: break
                    if started and depth==0: end=j; break
                    j+=1
                if end and end>0:
                    n=end-i+1
                    if n>60: print(f'METHOD {p}:{i+1} {m.group(2)}: {n} lines'); bad+=1
                    i=end+1 if n>1 and not re.search(r'\b(class|record|enum|interface)\b',l) else i+1
                    continue
            i+=1
print(f'{bad} over the limits')
sys.exit(1 if bad else 0)
