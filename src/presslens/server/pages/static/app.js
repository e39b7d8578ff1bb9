// presslens pages: technique and claim tooltips, and entity highlighting.
// Data from articles is untrusted: it is only ever set with textContent.
"use strict";

(function () {
  function coveringTechniques(el) {
    var found = [];
    for (var node = el; node && node.classList; node = node.parentElement) {
      if (node.classList.contains("t")) found.push(node);
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

  document.addEventListener("DOMContentLoaded", function () {
    setupTooltips();
    setupEntities();
  });
})();
