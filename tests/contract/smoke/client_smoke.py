#!/usr/bin/env python3
"""The generated Python client (openapi-generator) against a running suite, as an integrator would use it: validate
an example design, hand it off, poll the handoff, download the bundle and check its manifest, read the recipe, with
the generated models throughout (tests/contract/smoke.sh runs it; docs/api-guide.md section 14).
  client_smoke.py GATEWAY_URL API_KEY DESIGN.json      (shieldfab_client on PYTHONPATH)"""
import hashlib
import io
import json
import sys
import time
import uuid
import zipfile

import shieldfab_client
from shieldfab_client.models.design import Design
from shieldfab_client.models.handoff_view import HandoffView


def check(condition, what):
    if not condition:
        raise AssertionError(what)


def poll(handoffs, handoff_id):
    deadline = time.monotonic() + 180
    view = handoffs.get_handoff(handoff_id)
    while view.status in ("QUEUED", "RUNNING"):
        check(time.monotonic() < deadline, f"get_handoff: still {view.status} after 3 minutes")
        time.sleep(0.25)
        view = handoffs.get_handoff(handoff_id)
    return view


def check_bundle(data):
    """Every file of the zip is in the manifest with its SHA-256 and size; returns the manifest."""
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as z:
        manifest = json.loads(z.read("manifest.json"))
        listed = {f["name"]: f for f in manifest["files"]}
        for name in z.namelist():
            if name == "manifest.json":
                continue
            content = z.read(name)
            line = listed.pop(name, None)
            check(line is not None, f"bundle: {name} is in the manifest")
            check(line["sha256"] == hashlib.sha256(content).hexdigest(), f"bundle: SHA-256 of {name}")
            check(line["sizeBytes"] == len(content), f"bundle: size of {name}")
        check(not listed, f"bundle: every manifest line has its file, missing {sorted(listed)}")
        return manifest


def main(base_url, api_key, design_path):
    configuration = shieldfab_client.Configuration(host=base_url, api_key={"apiKey": api_key})
    with shieldfab_client.ApiClient(configuration) as client, open(design_path, encoding="utf-8") as f:
        design = Design.from_json(f.read())

        validation = shieldfab_client.DesignsApi(client).validate_design(design)
        check(validation.valid, f"validate_design: valid, got {validation}")
        check(isinstance(validation.design, Design) and validation.design.name == design.name,
              "validate_design: the design comes back typed")
        check(validation.design.package.relative_permittivity is not None,
              "validate_design: the design comes back with its defaults")

        handoffs = shieldfab_client.HandoffsApi(client)
        key = str(uuid.uuid4())
        submitted = handoffs.create_handoff(design, idempotency_key=key)
        replayed = handoffs.create_handoff(design, idempotency_key=key)
        check(isinstance(submitted, HandoffView) and submitted.id == replayed.id,
              "create_handoff: a repeat with the same key is the same handoff")

        done = poll(handoffs, submitted.id)
        check(done.status == "SUCCEEDED", f"get_handoff: SUCCEEDED, got {done.status} {done.errors}")
        check(done.verdict is not None and done.opening_window is not None, "get_handoff: verdict and opening window")

        manifest = check_bundle(handoffs.download_handoff_bundle(done.id))
        check(manifest["verdict"] == done.verdict, "bundle: the manifest's verdict is the handoff's")

        recipe = shieldfab_client.RecipesApi(client).get_recipe(done.recipe_id)
        check(recipe.header.design_name == design.name, "get_recipe: the design's recipe")
        check(recipe.steps and recipe.status is not None, "get_recipe: steps and a lifecycle status")

        print(f"python client: {done.id} {done.status}, verdict {done.verdict}, window "
              f"[{done.opening_window.min_mm}, {done.opening_window.max_mm}] mm, bundle {len(manifest['files'])} "
              f"files checked, recipe {recipe.id} v{recipe.version} {getattr(recipe.status, 'value', recipe.status)} with {len(recipe.steps)} steps")


if __name__ == "__main__":
    main(*sys.argv[1:4])
