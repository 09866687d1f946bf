/*
 * ShieldFab portal: small progressive enhancements. Every page works without this file
 * (plain forms and links); with it: drag-and-drop upload with a size check before sending,
 * zoom and pan of the layout preview (mouse, wheel, touch and keyboard), focus on the error
 * summary of a refused form, and the example picker that swaps the parameter form in place (htmx).
 */
(function () {
  "use strict";

  var ZOOM_STEP = 1.25, MAX_ZOOM = 40, PAN_STEP = 0.1;

  function initDropZone(root) {
    root.querySelectorAll("[data-drop-zone]").forEach(function (zone) {
      if (zone.dataset.ready) { return; }
      zone.dataset.ready = "1";
      var input = zone.querySelector("input[type=file]");
      var chosen = zone.querySelector("[data-file-chosen]");
      var form = zone.closest("form");
      var message = form.querySelector("#upload-size-message");
      var maxBytes = parseInt(form.dataset.maxKib, 10) * 1024;
      function show() {
        var file = input.files && input.files[0];
        if (!file) { return; }
        chosen.textContent = "Selected: " + file.name + " (" + Math.max(1, Math.round(file.size / 1024)) + " KiB)";
        var tooLarge = file.size > maxBytes;
        message.hidden = !tooLarge;
        message.textContent = tooLarge ? file.name + " is larger than " + form.dataset.maxKib + " KiB, the largest design accepted." : "";
      }
      input.addEventListener("change", show);
      ["dragenter", "dragover"].forEach(function (type) {
        zone.addEventListener(type, function (e) { e.preventDefault(); zone.classList.add("dragging"); });
      });
      ["dragleave", "drop"].forEach(function (type) {
        zone.addEventListener(type, function (e) { e.preventDefault(); zone.classList.remove("dragging"); });
      });
      zone.addEventListener("drop", function (e) {
        if (e.dataTransfer && e.dataTransfer.files.length) {
          input.files = e.dataTransfer.files;
          show();
        }
      });
      form.addEventListener("submit", function (e) {
        var file = input.files && input.files[0];
        if (file && file.size > maxBytes) { e.preventDefault(); show(); message.focus(); }
      });
    });
  }

  function initZoom(root) {
    root.querySelectorAll(".zoom-viewport").forEach(function (viewport) {
      if (viewport.dataset.ready) { return; }
      var svg = viewport.querySelector("svg");
      if (!svg || !svg.viewBox || !svg.viewBox.baseVal) { return; }
      viewport.dataset.ready = "1";
      var base = svg.viewBox.baseVal;
      var full = { x: base.x, y: base.y, w: base.width, h: base.height };
      var view = { x: full.x, y: full.y, w: full.w, h: full.h };

      function apply() {
        svg.setAttribute("viewBox", [view.x, view.y, view.w, view.h].join(" "));
        viewport.dataset.zoom = (full.w / view.w).toFixed(2);
      }
      function zoom(factor, cx, cy) {
        var w = Math.min(full.w, Math.max(full.w / MAX_ZOOM, view.w / factor));
        var h = w * full.h / full.w;
        cx = cx === undefined ? view.x + view.w / 2 : cx;
        cy = cy === undefined ? view.y + view.h / 2 : cy;
        view.x = cx - (cx - view.x) * (w / view.w);
        view.y = cy - (cy - view.y) * (h / view.h);
        view.w = w; view.h = h;
        apply();
      }
      function pan(dx, dy) { view.x += dx; view.y += dy; apply(); }
      function reset() { view = { x: full.x, y: full.y, w: full.w, h: full.h }; apply(); }
      function toSvg(clientX, clientY) {
        var r = viewport.getBoundingClientRect();
        var s = Math.max(view.w / r.width, view.h / r.height);
        var offX = (r.width * s - view.w) / 2, offY = (r.height * s - view.h) / 2;
        return { x: view.x - offX + (clientX - r.left) * s, y: view.y - offY + (clientY - r.top) * s, scale: s };
      }

      var card = viewport.closest(".card");
      card.querySelectorAll("[data-zoom]").forEach(function (button) {
        button.addEventListener("click", function () {
          var what = button.dataset.zoom;
          if (what === "in") { zoom(ZOOM_STEP); } else if (what === "out") { zoom(1 / ZOOM_STEP); } else { reset(); }
        });
      });
      viewport.addEventListener("keydown", function (e) {
        var handled = true;
        switch (e.key) {
          case "+": case "=": zoom(ZOOM_STEP); break;
          case "-": case "_": zoom(1 / ZOOM_STEP); break;
          case "0": reset(); break;
          case "ArrowLeft": pan(-view.w * PAN_STEP, 0); break;
          case "ArrowRight": pan(view.w * PAN_STEP, 0); break;
          case "ArrowUp": pan(0, -view.h * PAN_STEP); break;
          case "ArrowDown": pan(0, view.h * PAN_STEP); break;
          default: handled = false;
        }
        if (handled) { e.preventDefault(); }
      });
      viewport.addEventListener("wheel", function (e) {
        e.preventDefault();
        var p = toSvg(e.clientX, e.clientY);
        zoom(e.deltaY < 0 ? ZOOM_STEP : 1 / ZOOM_STEP, p.x, p.y);
      }, { passive: false });
      var drag = null;
      viewport.addEventListener("pointerdown", function (e) {
        drag = { x: e.clientX, y: e.clientY, scale: toSvg(e.clientX, e.clientY).scale };
        viewport.setPointerCapture(e.pointerId);
        viewport.classList.add("panning");
      });
      viewport.addEventListener("pointermove", function (e) {
        if (!drag) { return; }
        pan(-(e.clientX - drag.x) * drag.scale, -(e.clientY - drag.y) * drag.scale);
        drag.x = e.clientX; drag.y = e.clientY;
      });
      ["pointerup", "pointercancel"].forEach(function (type) {
        viewport.addEventListener(type, function () { drag = null; viewport.classList.remove("panning"); });
      });
      apply();
    });
  }

  /* A page that comes back with errors moves focus (and the view) to their summary, as the GOV.UK
     error-summary pattern does, so keyboard and screen-reader users start where the problem is. */
  function focusErrors(root) {
    var summary = root.querySelector && root.querySelector("[data-focus-on-load]");
    if (summary) { summary.focus(); }
  }

  function init(root) {
    document.documentElement.classList.add("js");
    initDropZone(root);
    initZoom(root);
  }

  document.addEventListener("DOMContentLoaded", function () { init(document); focusErrors(document); });
  // htmx swaps in fresh content (the handoff page once it has finished, the example form): enhance it too.
  document.addEventListener("htmx:load", function (e) { init(e.target || document); });
})();
