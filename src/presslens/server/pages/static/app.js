// presslens pages: technique and claim tooltips, and entity highlighting.
// Data from articles is untrusted: it is only ever set with textContent.
"use strict";

(function () {
  function coveringTechniques(el) {
    var found = [];
    for (var node = el; node && node.classList; node = node.parentElement) {
      if (node.classList.contains("t") && !node.classList.contains("below")) found.push(node);
      if (node.classList.contains("text")) break;
    }
    return found;
  }

  function coveringClaim(el) {
    var toggle = document.getElementById("show-claims");
    if (toggle && !toggle.checked) return null;
    var claim = el && el.closest ? el.closest(".c") : null;
    return claim && claim.dataset.tip ? claim : null;
  }

  function setupTooltips() {
    var tip = document.getElementById("tip");
    var text = document.getElementById("article-text");
    if (!tip || !text) return;
    // A claim's title is its hover text without script; with it, the tooltip shows it instead.
    text.querySelectorAll(".c[title]").forEach(function (claim) {
      claim.dataset.tip = claim.title;
      claim.removeAttribute("title");
    });

    function show(target) {
      var spans = coveringTechniques(target);
      var claim = coveringClaim(target);
      if (!spans.length && !claim) { hide(); return; }
      tip.replaceChildren();
      if (claim) {
        var said = document.createElement("p");
        said.textContent = claim.dataset.tip;
        tip.appendChild(said);
      }
      spans.forEach(function (span) {
        var line = document.createElement("p");
        line.textContent = span.dataset.label + " \u00b7 score " + span.dataset.score;
        tip.appendChild(line);
      });
      tip.hidden = false;
      var box = (spans[0] || claim).getBoundingClientRect();
      var left = Math.min(window.scrollX + box.left, window.scrollX + document.documentElement.clientWidth - tip.offsetWidth - 8);
      tip.style.left = Math.max(window.scrollX + 4, left) + "px";
      tip.style.top = (window.scrollY + box.bottom + 6) + "px";
    }
    function hide() { tip.hidden = true; }

    text.addEventListener("mouseover", function (e) { show(e.target); });
    text.addEventListener("mouseleave", hide);
    text.addEventListener("focusin", function (e) { show(e.target); });
    text.addEventListener("focusout", hide);
    document.addEventListener("keydown", function (e) { if (e.key === "Escape") hide(); });
  }

  // The technique threshold (?min_score= without script) applied as it is typed: spans
  // under it lose their line and focus stop, and the counts follow.
  function setupThreshold() {
    var input = document.getElementById("min-score");
    var text = document.getElementById("article-text");
    if (!input || !text) return;
    var marks = Array.prototype.slice.call(text.querySelectorAll(".t[data-span]"));
    var count = document.getElementById("span-count");
    var found = {};
    marks.forEach(function (mark) { found[mark.dataset.span] = true; });
    var total = Object.keys(found).length;

    function apply() {
      var min = parseFloat(input.value);
      if (isNaN(min) || min < 0 || min > 1) return;
      var shown = {};
      var perLabel = {};
      marks.forEach(function (mark) {
        var below = parseFloat(mark.dataset.score) < min;
        mark.classList.toggle("below", below);
        var first = mark.dataset.first === "1";
        if (first) {
          if (below) mark.removeAttribute("tabindex"); else mark.setAttribute("tabindex", "0");
        }
        if (!below && !shown[mark.dataset.span]) {
          shown[mark.dataset.span] = true;
          perLabel[mark.dataset.label] = (perLabel[mark.dataset.label] || 0) + 1;
        }
      });
      document.querySelectorAll(".legend li[data-label]").forEach(function (row) {
        row.querySelector(".count").textContent = "\u00d7" + (perLabel[row.dataset.label] || 0);
      });
      if (count) {
        count.textContent = Object.keys(shown).length.toLocaleString("en-US") + " of " +
          total.toLocaleString("en-US") + " span" + (total === 1 ? "" : "s") +
          " marked (score " + min.toFixed(2) + " or more)";
      }
    }
    input.addEventListener("input", apply);
  }

  function setupEntities() {
    var buttons = document.querySelectorAll("button.ent, button.chip[data-ent]");
    var status = document.getElementById("ent-status");
    var current = null;

    function mentionsOf(id) {
      return Array.prototype.filter.call(document.querySelectorAll(".seg[data-ent]"), function (seg) {
        return seg.dataset.ent.split(" ").indexOf(id) !== -1;
      });
    }
    function clear() {
      document.querySelectorAll(".seg.hl").forEach(function (seg) { seg.classList.remove("hl"); });
      document.querySelectorAll("button.ent").forEach(function (b) { b.setAttribute("aria-pressed", "false"); });
    }
    function choose(id, name) {
      clear();
      if (current === id) {
        current = null;
        if (status) status.textContent = "No entity highlighted.";
        return;
      }
      current = id;
      var segs = mentionsOf(id);
      segs.forEach(function (seg) { seg.classList.add("hl"); });
      document.querySelectorAll('button.ent').forEach(function (b) {
        if (b.dataset.ent === id) b.setAttribute("aria-pressed", "true");
      });
      if (status) status.textContent = name + ": " + segs.length + " mention" + (segs.length === 1 ? "" : "s") + " highlighted.";
      if (segs.length) segs[0].scrollIntoView({ block: "center", behavior: "smooth" });
    }
    buttons.forEach(function (button) {
      button.addEventListener("click", function () {
        var label = button.classList.contains("ent") ? button.firstChild.textContent.trim() : button.textContent;
        choose(button.dataset.ent, label);
      });
    });
  }

  // Rate charts: a point's figures (its <title>) in a tooltip on hover, and on focus of
  // the chart with the arrow keys stepping from point to point.
  function setupChartTips() {
    var charts = document.querySelectorAll("figure.chart svg");
    if (!charts.length) return;
    var tip = document.createElement("div");
    tip.className = "chart-tip";
    tip.setAttribute("role", "status");
    tip.hidden = true;
    document.body.appendChild(tip);
    var active = null;

    function show(dot) {
      if (active) active.classList.remove("active");
      active = dot;
      dot.classList.add("active");
      tip.textContent = dot.dataset.tip;
      tip.hidden = false;
      var box = dot.getBoundingClientRect();
      var left = Math.min(window.scrollX + box.left, window.scrollX + document.documentElement.clientWidth - tip.offsetWidth - 8);
      tip.style.left = Math.max(window.scrollX + 4, left) + "px";
      tip.style.top = (window.scrollY + box.bottom + 6) + "px";
    }
    function hide() {
      if (active) active.classList.remove("active");
      active = null;
      tip.hidden = true;
    }

    charts.forEach(function (svg) {
      var dots = Array.prototype.slice.call(svg.querySelectorAll("circle.dot"));
      dots.forEach(function (dot) {
        var title = dot.querySelector("title");
        if (!title) return;
        dot.dataset.tip = title.textContent;
        title.remove();  // the tooltip stands in for the browser's slower one
      });
      dots.sort(function (a, b) { return a.cx.baseVal.value - b.cx.baseVal.value; });
      svg.addEventListener("mouseover", function (e) {
        if (e.target.classList && e.target.classList.contains("dot")) show(e.target);
      });
      svg.addEventListener("mouseleave", hide);
      svg.addEventListener("focus", function () { if (dots.length) show(dots[0]); });
      svg.addEventListener("blur", hide);
      svg.addEventListener("keydown", function (e) {
        var at = dots.indexOf(active);
        if (e.key === "ArrowRight" || e.key === "ArrowLeft") {
          e.preventDefault();
          var next = at + (e.key === "ArrowRight" ? 1 : -1);
          if (next >= 0 && next < dots.length) show(dots[next]);
        } else if (e.key === "Escape") {
          hide();
        }
      });
    });
  }

  // Compare: the plain outlet fields become one type-ahead field with removable chips.
  // The chosen names travel as hidden `outlet` fields, so the URL stays /compare?outlet=A&outlet=B.
  function setupOutletPicker() {
    var form = document.querySelector("form.outlet-picker");
    var list = document.getElementById("outlet-names");
    if (!form || !list) return;
    var max = parseInt(form.dataset.max, 10) || 5;
    var fields = form.querySelector(".picker-fields");
    var submit = fields.querySelector("button[type=submit]");
    var outlets = Array.prototype.map.call(list.options, function (o) { return { name: o.value, note: o.textContent }; });
    var plain = Array.prototype.slice.call(fields.querySelectorAll("input[name=outlet]"));
    var start = plain.map(function (field) { return field.value.trim(); }).filter(Boolean);
    plain.forEach(function (field) { field.remove(); });

    var picked = document.createElement("ul");
    picked.className = "picked";
    picked.setAttribute("aria-label", "Chosen outlets");
    var box = document.createElement("div");
    box.className = "picker-box";
    var input = document.createElement("input");
    input.type = "text";
    input.id = "outlet-search";
    input.autocomplete = "off";
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", "outlet-suggestions");
    input.setAttribute("aria-label", "Add an outlet");
    var menu = document.createElement("ul");
    menu.id = "outlet-suggestions";
    menu.className = "suggestions";
    menu.setAttribute("role", "listbox");
    menu.hidden = true;
    var status = document.createElement("p");
    status.className = "hint picker-status";
    status.setAttribute("aria-live", "polite");
    box.appendChild(input);
    box.appendChild(menu);
    fields.insertBefore(picked, submit);
    fields.insertBefore(box, submit);
    form.appendChild(status);
    var shown = [];
    var current = -1;

    function chosen() {
      return Array.prototype.map.call(picked.querySelectorAll("input[name=outlet]"), function (f) { return f.value; });
    }
    function isChosen(name) {
      var folded = name.toLowerCase();
      return chosen().some(function (c) { return c.toLowerCase() === folded; });
    }
    function refresh(message) {
      var count = chosen().length;
      input.disabled = count >= max;
      input.placeholder = count >= max ? max + " outlets chosen" : count ? "Add another outlet" : "Type an outlet name";
      status.textContent = message || (count + " of " + max + " outlets chosen" + (count < 2 ? "; choose at least 2." : "."));
    }
    function add(name) {
      if (isChosen(name)) { refresh(name + " is already chosen."); return; }
      if (chosen().length >= max) { refresh("At most " + max + " outlets."); return; }
      var chip = document.createElement("li");
      var label = document.createElement("span");
      label.textContent = name;
      var field = document.createElement("input");
      field.type = "hidden";
      field.name = "outlet";
      field.value = name;
      var remove = document.createElement("button");
      remove.type = "button";
      remove.textContent = "\u00d7";
      remove.setAttribute("aria-label", "Remove " + name);
      remove.addEventListener("click", function () {
        chip.remove();
        refresh(name + " removed.");
        input.focus();
      });
      chip.appendChild(label);
      chip.appendChild(field);
      chip.appendChild(remove);
      picked.appendChild(chip);
      input.value = "";
      close();
      refresh(name + " added; " + chosen().length + " of " + max + " chosen.");
    }
    function close() {
      menu.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      shown = [];
      current = -1;
    }
    function highlight(index) {
      current = index;
      Array.prototype.forEach.call(menu.children, function (option, i) {
        option.setAttribute("aria-selected", i === index ? "true" : "false");
      });
      if (index >= 0) {
        input.setAttribute("aria-activedescendant", "outlet-option-" + index);
        menu.children[index].scrollIntoView({ block: "nearest" });
      }
    }
    function suggest() {
      var query = input.value.trim().toLowerCase();
      if (!query) { close(); return; }
      var starts = [], inside = [];
      outlets.forEach(function (o) {
        if (isChosen(o.name)) return;
        var at = o.name.toLowerCase().indexOf(query);
        if (at === 0) starts.push(o); else if (at > 0) inside.push(o);
      });
      shown = starts.concat(inside).slice(0, 8);
      menu.replaceChildren();
      shown.forEach(function (o, i) {
        var option = document.createElement("li");
        option.id = "outlet-option-" + i;
        option.setAttribute("role", "option");
        option.textContent = o.name + " ";
        var note = document.createElement("span");
        note.className = "count";
        note.textContent = o.note;
        option.appendChild(note);
        option.addEventListener("mousedown", function (e) { e.preventDefault(); add(o.name); });
        menu.appendChild(option);
      });
      if (!shown.length) {
        var none = document.createElement("li");
        none.className = "none";
        none.textContent = "No outlet matches \u201c" + input.value.trim() + "\u201d";
        menu.appendChild(none);
      }
      menu.hidden = false;
      input.setAttribute("aria-expanded", "true");
      highlight(shown.length ? 0 : -1);
    }

    input.addEventListener("input", suggest);
    input.addEventListener("blur", close);
    input.addEventListener("keydown", function (e) {
      if (e.key === "ArrowDown" || e.key === "ArrowUp") {
        e.preventDefault();
        if (menu.hidden) { suggest(); return; }
        if (shown.length) highlight((current + (e.key === "ArrowDown" ? 1 : shown.length - 1)) % shown.length);
      } else if (e.key === "Enter") {
        if (!input.value.trim()) return;  // an empty field: Enter compares
        e.preventDefault();
        if (current >= 0) add(shown[current].name);
      } else if (e.key === "Escape") {
        close();
      } else if (e.key === "Backspace" && !input.value && picked.lastElementChild) {
        picked.lastElementChild.querySelector("button").click();
      }
    });
    form.addEventListener("submit", function () {
      // A name typed but not chosen still goes to the server, which says if it is unknown.
      if (input.value.trim()) add(input.value.trim());
    });
    start.forEach(add);
    refresh();
  }

  // Hovering or focusing an entity in the list marks the words that decide its role
  // (the framing evidence); the sentence under the entity says it without script.
  function setupEvidence() {
    function mark(id, on) {
      document.querySelectorAll(".seg[data-ev]").forEach(function (seg) {
        if (seg.dataset.ev.split(" ").indexOf(id) !== -1) seg.classList.toggle("ev-on", on);
      });
    }
    document.querySelectorAll("button.ent[data-ent]").forEach(function (button) {
      var id = button.dataset.ent;
      ["mouseenter", "focus"].forEach(function (type) {
        button.addEventListener(type, function () { mark(id, true); });
      });
      ["mouseleave", "blur"].forEach(function (type) {
        button.addEventListener(type, function () { mark(id, false); });
      });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    setupTooltips();
    setupThreshold();
    setupEntities();
    setupEvidence();
    setupChartTips();
    setupOutletPicker();
  });
})();
