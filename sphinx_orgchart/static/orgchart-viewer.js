/* sphinx-orgchart: the chart viewer (progressive enhancement, no dependency, works offline).
   Without this script a chart is its SVG, squeezed into the column, with its text list.
   With it, each chart gains a toolbar: zoom out / in, fit, actual size, full screen and a
   search of its units that highlights the unit found and its path to the top. The frame
   scrolls (pan: scroll bars, touch, arrows, or drag with the mouse); a click anywhere on a
   box follows the link of its unit. Zooming resizes the <object>, so the SVG is drawn again
   at each scale and stays sharp. What needs the SVG's own document (search highlight, drag,
   whole-box links) is added when the browser lets the page see it (same origin: http,
   not file://); the rest works everywhere. */
(function () {
  "use strict";

  var SVGNS = "http://www.w3.org/2000/svg";
  var XLINK = "http://www.w3.org/1999/xlink";
  var STEP = Math.SQRT2;
  var MAX_SCALE = 4;
  var STYLE = [
    "g.node.orgchart-link > :is(path, polygon, ellipse) { cursor: pointer; }",
    "g.node.orgchart-link:hover > :is(path, polygon, ellipse) { stroke-width: 2.5px; }",
    "svg.orgchart-searching g.node:not(.orgchart-path), svg.orgchart-searching g.edge:not(.orgchart-path) { opacity: 0.35; }",
    "g.node.orgchart-path > :is(path, polygon, ellipse) { stroke: #b3003c; stroke-width: 3px; }",
    "g.edge.orgchart-path > path { stroke: #b3003c; stroke-width: 3px; }",
    "g.node.orgchart-hit > :is(path, polygon, ellipse) { stroke: #b3003c; stroke-width: 5px; fill: #fff3b0; }"
  ].join("\n");

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function parse(text, fallback) {
    try { return JSON.parse(text || ""); } catch (e) { return fallback; }
  }

  function button(text, label, action) {
    var b = document.createElement("button");
    b.type = "button";
    b.className = "orgchart-button";
    b.textContent = text;
    b.setAttribute("data-action", action);
    if (label && label !== text) {
      b.setAttribute("aria-label", label);
      b.title = label;
    }
    return b;
  }

  /* The SVG document of an <object>, once loaded and readable; null otherwise. */
  function svgOf(object) {
    try {
      var doc = object.contentDocument;
      var root = doc && doc.documentElement;
      return root && root.localName === "svg" ? doc : null;
    } catch (e) {
      return null;
    }
  }

  function Viewer(chart) {
    this.chart = chart;
    this.frame = chart.querySelector(".orgchart-frame");
    this.object = chart.querySelector("object.orgchart-svg");
    this.labels = parse(chart.getAttribute("data-orgchart-labels"), {});
    this.boxes = parse(chart.getAttribute("data-orgchart-boxes"), {});
    this.width = parseFloat(chart.getAttribute("data-orgchart-width"));
    this.height = parseFloat(chart.getAttribute("data-orgchart-height"));
    this.scale = 1;
    this.fitted = true;
    this.doc = null;
    this.hits = [];
    this.current = -1;
    this.dragged = false;
  }

  Viewer.prototype.label = function (key, fallback) {
    return this.labels[key] || fallback;
  };

  Viewer.prototype.start = function () {
    var self = this;
    if (!this.frame || !this.object || !(this.width > 0) || !(this.height > 0)) { return; }
    this.chart.classList.add("orgchart-viewer");
    this.object.style.aspectRatio = this.width + " / " + this.height;
    this.frame.tabIndex = 0;
    this.frame.setAttribute("role", "group");
    this.frame.setAttribute("aria-label", this.label("frame", "Chart"));
    this.chart.insertBefore(this.toolbar(), this.frame);
    this.fit();
    this.frame.addEventListener("keydown", function (event) { self.key(event); });
    this.frame.addEventListener("wheel", function (event) { self.wheel(event, 0, 0); },
      { passive: false });
    window.addEventListener("resize", function () { if (self.fitted) { self.fit(); } });
    document.addEventListener("fullscreenchange", function () { self.fullscreenChanged(); });
    var attach = function () { self.attach(); };
    this.object.addEventListener("load", attach);
    attach();
  };

  Viewer.prototype.toolbar = function () {
    var self = this;
    var bar = document.createElement("div");
    bar.className = "orgchart-toolbar";
    bar.setAttribute("role", "toolbar");
    bar.setAttribute("aria-label", this.label("toolbar", "Chart controls"));
    bar.appendChild(button("−", this.label("zoomOut", "Zoom out"), "zoom-out"));
    bar.appendChild(button("+", this.label("zoomIn", "Zoom in"), "zoom-in"));
    var fit = button(this.label("fit", "Fit"), "", "fit");
    fit.title = this.label("fitTitle", "");
    bar.appendChild(fit);
    bar.appendChild(button(this.label("actual", "Actual size"), "", "actual"));
    this.fullButton = button(this.label("fullscreen", "Full screen"), "", "fullscreen");
    this.fullButton.setAttribute("aria-pressed", "false");
    bar.appendChild(this.fullButton);
    bar.addEventListener("click", function (event) {
      var target = event.target.closest("button[data-action]");
      if (target) { self.act(target.getAttribute("data-action")); }
    });
    this.input = document.createElement("input");
    this.input.type = "search";
    this.input.className = "orgchart-search";
    this.input.placeholder = this.label("search", "Find a unit");
    this.input.setAttribute("aria-label", this.label("search", "Find a unit"));
    this.input.addEventListener("input", function () { self.search(); });
    this.input.addEventListener("keydown", function (event) {
      if (event.key === "Enter") {
        event.preventDefault();
        self.next(event.shiftKey ? -1 : 1);
      } else if (event.key === "Escape") {
        self.input.value = "";
        self.search();
      }
    });
    bar.appendChild(this.input);
    this.status = document.createElement("span");
    this.status.className = "orgchart-search-status";
    this.status.setAttribute("role", "status");
    this.status.setAttribute("aria-live", "polite");
    bar.appendChild(this.status);
    return bar;
  };

  Viewer.prototype.act = function (action) {
    if (action === "zoom-in") { this.zoom(this.scale * STEP); }
    else if (action === "zoom-out") { this.zoom(this.scale / STEP); }
    else if (action === "fit") { this.fit(); }
    else if (action === "actual") { this.zoom(1); }
    else if (action === "fullscreen") { this.toggleFullscreen(); }
  };

  Viewer.prototype.key = function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) { return; }
    var actions = { "+": "zoom-in", "=": "zoom-in", "-": "zoom-out", "0": "fit", "1": "actual",
      "f": "fullscreen", "F": "fullscreen" };
    if (event.key === "Escape" && this.chart.classList.contains("orgchart-fullpage")) {
      this.toggleFullscreen();
    } else if (actions[event.key]) {
      event.preventDefault();
      this.act(actions[event.key]);
    }
  };

  /* The scale at which the whole chart's width (and, full screen, its height) fits. */
  Viewer.prototype.fitScale = function () {
    var width = this.frame.clientWidth || this.chart.clientWidth;
    var scale = width / this.width;
    if (this.isFullscreen()) {
      scale = Math.min(scale, this.frame.clientHeight / this.height);
    }
    return Math.min(1, scale);
  };

  Viewer.prototype.fit = function () {
    this.resize(this.fitScale(), null);
    this.fitted = true;
  };

  /* Zoom to ``scale``, keeping the point ``at`` of the frame (default: its centre) still. */
  Viewer.prototype.zoom = function (scale, at) {
    var low = Math.min(this.fitScale(), 1) / 2;
    this.resize(Math.max(low, Math.min(MAX_SCALE, scale)), at || null);
    this.fitted = false;
  };

  Viewer.prototype.resize = function (scale, at) {
    var frame = this.frame;
    var x = at ? at.x : frame.clientWidth / 2;
    var y = at ? at.y : frame.clientHeight / 2;
    var ratio = scale / this.scale;
    var left = (frame.scrollLeft + x) * ratio - x;
    var top = (frame.scrollTop + y) * ratio - y;
    this.scale = scale;
    this.object.style.width = (this.width * scale).toFixed(1) + "px";
    this.object.style.height = (this.height * scale).toFixed(1) + "px";
    frame.scrollLeft = left;
    frame.scrollTop = top;
    this.chart.setAttribute("data-orgchart-scale", scale.toFixed(3));
  };

  Viewer.prototype.wheel = function (event, dx, dy) {
    if (!event.ctrlKey) { return; }
    event.preventDefault();
    var box = this.frame.getBoundingClientRect();
    var at = { x: event.clientX + dx - box.left, y: event.clientY + dy - box.top };
    this.zoom(this.scale * Math.pow(STEP, -event.deltaY / 100), at);
  };

  Viewer.prototype.isFullscreen = function () {
    return document.fullscreenElement === this.chart ||
      this.chart.classList.contains("orgchart-fullpage");
  };

  Viewer.prototype.toggleFullscreen = function () {
    var chart = this.chart;
    if (document.fullscreenElement === chart) {
      document.exitFullscreen();
    } else if (chart.classList.contains("orgchart-fullpage")) {
      chart.classList.remove("orgchart-fullpage");
      this.fullscreenChanged();
    } else if (chart.requestFullscreen) {
      var self = this;
      chart.requestFullscreen().catch(function () {
        chart.classList.add("orgchart-fullpage");  // refused (an iframe, a phone): the window
        self.fullscreenChanged();
      });
    } else {
      chart.classList.add("orgchart-fullpage");
      this.fullscreenChanged();
    }
  };

  Viewer.prototype.fullscreenChanged = function () {
    var full = this.isFullscreen();
    this.fullButton.textContent = full ? this.label("exitFullscreen", "Exit full screen")
      : this.label("fullscreen", "Full screen");
    this.fullButton.setAttribute("aria-pressed", full ? "true" : "false");
    this.fit();
    this.frame.focus();
  };

  /* What needs the SVG's document: styles, whole-box links, drag to pan, keys, wheel. */
  Viewer.prototype.attach = function () {
    var doc = svgOf(this.object);
    if (!doc || doc === this.doc) { return; }
    var self = this;
    this.doc = doc;
    var style = doc.createElementNS(SVGNS, "style");
    style.textContent = STYLE;
    doc.documentElement.appendChild(style);
    this.nodes = {};
    Array.prototype.forEach.call(doc.querySelectorAll("g.node"), function (node) {
      var title = node.querySelector("title");
      if (title) { self.nodes[title.textContent] = node; }
      if (node.querySelector("a")) { node.classList.add("orgchart-link"); }
    });
    doc.addEventListener("click", function (event) { self.click(event); }, true);
    doc.addEventListener("keydown", function (event) { self.key(event); });
    doc.addEventListener("wheel", function (event) {
      var box = self.object.getBoundingClientRect();  // the SVG's coordinates start there
      self.wheel(event, box.left, box.top);
    }, { passive: false });
    this.drag(doc);
    if (this.input.value) { this.search(); }
  };

  /* A click on a box, not on one of its links, follows the first link (its unit). */
  Viewer.prototype.click = function (event) {
    if (this.dragged) {
      event.preventDefault();
      event.stopPropagation();
      this.dragged = false;
      return;
    }
    var target = event.target;
    if (event.button !== 0 || target.closest("a")) { return; }
    var node = target.closest("g.node");
    var link = node && node.querySelector("a");
    if (!link) { return; }
    var href = link.getAttributeNS(XLINK, "href") || link.getAttribute("href");
    if (!href) { return; }
    event.preventDefault();
    window.location.assign(new URL(href, this.doc.URL).href);
  };

  /* Drag with the mouse to pan (touch scrolls the frame by itself). */
  Viewer.prototype.drag = function (doc) {
    var self = this;
    var start = null;
    doc.addEventListener("pointerdown", function (event) {
      if (event.pointerType !== "mouse" || event.button !== 0) { return; }
      start = { x: event.screenX, y: event.screenY, left: self.frame.scrollLeft,
        top: self.frame.scrollTop };
      self.dragged = false;
    });
    doc.addEventListener("pointermove", function (event) {
      if (!start) { return; }
      var dx = event.screenX - start.x;
      var dy = event.screenY - start.y;
      if (!self.dragged && Math.abs(dx) + Math.abs(dy) < 5) { return; }
      self.dragged = true;
      event.preventDefault();
      self.frame.scrollLeft = start.left - dx;
      self.frame.scrollTop = start.top - dy;
    });
    var stop = function () { start = null; };
    doc.addEventListener("pointerup", stop);
    doc.addEventListener("pointercancel", stop);
    doc.addEventListener("dragstart", function (event) { event.preventDefault(); });
  };

  /* The box ids from the top of the chart down to ``id``. */
  Viewer.prototype.path = function (id) {
    var path = [];
    var seen = {};
    while (id && this.boxes[id] && !seen[id]) {
      seen[id] = true;
      path.unshift(id);
      id = this.boxes[id][1];
    }
    return path;
  };

  Viewer.prototype.search = function () {
    var words = fold(this.input.value).split(/\s+/).filter(Boolean);
    var boxes = this.boxes;
    var hits = [];
    var matches = function (name) {
      var text = fold(name);
      return words.every(function (word) { return text.indexOf(word) !== -1; });
    };
    // A box's unit, or one of the units listed in it (found as {box, name}).
    Object.keys(boxes).forEach(function (id) {
      if (!words.length) { return; }
      if (matches(boxes[id][0])) { hits.push({ box: id, name: null }); }
      (boxes[id][2] || []).forEach(function (name) {
        if (matches(name)) { hits.push({ box: id, name: name }); }
      });
    });
    var self = this;
    var depth = function (hit) { return self.path(hit.box).length + (hit.name ? 0.5 : 0); };
    var label = function (hit) { return fold(hit.name || boxes[hit.box][0]); };
    hits.sort(function (a, b) {  // the highest first, then in alphabetical order
      return depth(a) - depth(b) || (label(a) < label(b) ? -1 : label(a) > label(b) ? 1 : 0);
    });
    this.hits = hits;
    this.current = this.hits.length ? 0 : -1;
    this.show();
  };

  Viewer.prototype.next = function (step) {
    if (!this.hits.length) { return; }
    this.current = (this.current + step + this.hits.length) % this.hits.length;
    this.show();
  };

  Viewer.prototype.show = function () {
    var words = this.input.value.trim();
    var hit = this.current >= 0 ? this.hits[this.current] : null;
    var id = hit ? hit.box : null;
    var path = id ? this.path(id) : [];
    var boxes = this.boxes;
    var names = path.map(function (box) { return boxes[box][0]; });
    if (hit && hit.name) { names.push(hit.name); }
    if (!words) {
      this.status.textContent = "";
    } else if (!id) {
      this.status.textContent = this.label("none", "No unit found");
    } else {
      this.status.textContent = this.label("found", "%(index)s / %(count)s: %(path)s")
        .replace("%(index)s", String(this.current + 1))
        .replace("%(count)s", String(this.hits.length))
        .replace("%(path)s", names.join(" › "));
    }
    this.highlight(path, words !== "");
  };

  Viewer.prototype.highlight = function (path, searching) {
    var doc = this.doc;
    if (!doc) { return; }
    Array.prototype.forEach.call(doc.querySelectorAll(".orgchart-path, .orgchart-hit"),
      function (el) { el.classList.remove("orgchart-path", "orgchart-hit"); });
    doc.documentElement.classList.toggle("orgchart-searching", searching);
    if (!path.length) { return; }
    var nodes = this.nodes;
    path.forEach(function (id) { if (nodes[id]) { nodes[id].classList.add("orgchart-path"); } });
    var wanted = {};
    for (var i = 1; i < path.length; i += 1) { wanted[path[i - 1] + "->" + path[i]] = true; }
    Array.prototype.forEach.call(doc.querySelectorAll("g.edge"), function (edge) {
      var title = edge.querySelector("title");
      if (title && wanted[title.textContent]) { edge.classList.add("orgchart-path"); }
    });
    var hit = nodes[path[path.length - 1]];
    if (hit) {
      hit.classList.add("orgchart-hit");
      this.reveal(hit);
    }
  };

  /* Bring a box into view, at a scale where its text reads. */
  Viewer.prototype.reveal = function (node) {
    if (this.scale < 1) { this.zoom(1); }
    var box = node.getBoundingClientRect();  // in the SVG's frame, that is the object's box
    var frame = this.frame;
    frame.scrollLeft = this.object.offsetLeft + box.left + box.width / 2 - frame.clientWidth / 2;
    frame.scrollTop = this.object.offsetTop + box.top + box.height / 2 - frame.clientHeight / 2;
  };

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll("div.orgchart-chart"), function (chart) {
      new Viewer(chart).start();
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
