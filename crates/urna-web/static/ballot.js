// Ballot page enhancements. The page works without this script: ranked questions are rank
// number inputs, and those inputs are what the form submits. With it, each ranked question
// becomes an ordered list built with real buttons (Add, Move up, Move down, Remove), a filter
// box, and an aria-live region that announces every change; the rank inputs are hidden and
// kept in sync, so exactly the same fields are submitted.
// Loaded from /static (the Content-Security-Policy allows no inline script). Texts come from
// data- attributes of the form, translated by the server; {name}, {rank}, {max} and {count}
// are filled in here.
"use strict";

(function () {
  function fill(template, values) {
    return String(template).replace(/\{(\w+)\}/g, function (whole, key) {
      return Object.prototype.hasOwnProperty.call(values, key) ? String(values[key]) : whole;
    });
  }

  function element(tag, attributes, text) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      node.setAttribute(name, attributes[name]);
    });
    if (text !== undefined) {
      node.textContent = text;
    }
    return node;
  }

  // Case- and accent-insensitive text for the filter ("eri" finds "Eriksen", "Ines" "Inès").
  function folded(text) {
    return String(text).toLocaleLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }

  // The ranking the inputs hold, or null when it cannot be shown as a list: a value that is
  // not a whole number, or equal ranks (the number inputs stay, with the server's message).
  function initialOrder(candidates) {
    var ranked = [];
    var seen = {};
    for (var i = 0; i < candidates.length; i++) {
      var value = candidates[i].input.value.trim();
      if (value === "") {
        continue;
      }
      if (!/^[0-9]{1,4}$/.test(value)) {
        return null;
      }
      var rank = parseInt(value, 10);
      if (rank < 1 || seen[rank]) {
        return null;
      }
      seen[rank] = true;
      ranked.push({ candidate: candidates[i], rank: rank });
    }
    ranked.sort(function (a, b) { return a.rank - b.rank; });
    return ranked.map(function (r) { return r.candidate; });
  }

  function enhance(fieldset, text, index) {
    var container = fieldset.querySelector("[data-rank-inputs]");
    if (!container || container.hasAttribute("data-enhanced")) {
      return;
    }
    var candidates = Array.prototype.map.call(
      container.querySelectorAll("[data-candidate]"),
      function (row) {
        return {
          id: row.getAttribute("data-candidate"),
          name: row.getAttribute("data-name"),
          lang: row.getAttribute("data-lang"),
          input: row.querySelector("input"),
        };
      }
    );
    var order = initialOrder(candidates);
    if (order === null) {
      return;
    }
    var maxRanks = parseInt(fieldset.getAttribute("data-max-ranks") || "0", 10);
    var prefix = "ranking-" + index;

    var widget = element("div", { class: "ranking-widget" });
    widget.appendChild(element("p", { class: "ranking-help" }, text.instructions));
    var live = element("p", { class: "visually-hidden", "aria-live": "polite", "data-live": "" });

    var rankedHeading = element("h3", { id: prefix + "-ranked" }, text.yourRanking);
    var rankedList = element("ol", { class: "ranking", "aria-labelledby": prefix + "-ranked" });
    var emptyNote = element("p", { class: "ranking-empty" }, text.empty);

    var poolHeading = element("h3", { id: prefix + "-pool" }, text.candidates);
    var filterLabel = element("label", { for: prefix + "-filter" }, text.filter);
    var filter = element("input", {
      type: "search", id: prefix + "-filter", class: "ranking-filter", autocomplete: "off",
      "aria-describedby": prefix + "-count",
    });
    var count = element("p", { id: prefix + "-count", class: "ranking-count", "aria-live": "polite" });
    var pool = element("ul", { class: "ranking-pool", "aria-labelledby": prefix + "-pool" });

    [rankedHeading, rankedList, emptyNote, poolHeading, filterLabel, filter, count, pool, live]
      .forEach(function (node) { widget.appendChild(node); });
    container.hidden = true;
    container.setAttribute("data-enhanced", "");
    container.parentNode.insertBefore(widget, container);

    var pending = null;
    function announce(message) {
      // Clearing first makes a repeated message ("already first") be read again; a message
      // still waiting is dropped, so that the last change is the one read.
      window.clearTimeout(pending);
      live.textContent = "";
      pending = window.setTimeout(function () { live.textContent = message; }, 50);
    }

    function sync() {
      candidates.forEach(function (c) {
        var position = order.indexOf(c);
        c.input.value = position < 0 ? "" : String(position + 1);
      });
    }

    function nameNode(c) {
      var span = element("span", { class: "ranking-name" }, c.name);
      if (c.lang) {
        span.setAttribute("lang", c.lang);
      }
      span.setAttribute("dir", "auto");
      return span;
    }

    function button(action, c, visible, label, disabled) {
      var b = element("button", {
        type: "button", class: "ranking-button ranking-" + action,
        "data-action": action, "data-id": c.id, "aria-label": fill(label, { name: c.name }),
      }, visible);
      if (disabled) {
        b.setAttribute("aria-disabled", "true");
      }
      return b;
    }

    function render(focus) {
      rankedList.textContent = "";
      order.forEach(function (c, i) {
        var item = element("li", { class: "ranking-item", "data-id": c.id });
        item.appendChild(element("span", { class: "ranking-rank", "aria-hidden": "true" }, String(i + 1)));
        item.appendChild(nameNode(c));
        var actions = element("span", { class: "ranking-actions" });
        actions.appendChild(button("up", c, text.up, text.upLabel, i === 0));
        actions.appendChild(button("down", c, text.down, text.downLabel, i === order.length - 1));
        actions.appendChild(button("remove", c, text.remove, text.removeLabel, false));
        item.appendChild(actions);
        rankedList.appendChild(item);
      });
      emptyNote.hidden = order.length > 0;
      rankedList.hidden = order.length === 0;

      pool.textContent = "";
      var query = folded(filter.value.trim());
      var shown = 0;
      candidates.forEach(function (c) {
        if (order.indexOf(c) >= 0) {
          return;
        }
        var item = element("li", { class: "pool-item", "data-id": c.id });
        if (query && folded(c.name).indexOf(query) < 0) {
          item.hidden = true;
        } else {
          shown++;
        }
        item.appendChild(nameNode(c));
        item.appendChild(button("add", c, text.add, text.addLabel, false));
        pool.appendChild(item);
      });
      count.textContent = query ? fill(text.filterCount, { count: shown }) : "";
      sync();
      if (focus) {
        var target = focus.id === null ? null : widget.querySelector(
          "button[data-action='" + focus.action + "'][data-id='" + focus.id + "']");
        (target || filter).focus();
      }
    }

    // The button to focus after the item holding `id` leaves `list`: the next visible one of
    // the same kind, else the previous, else none (the filter box).
    function neighbour(list, action, id) {
      var items = Array.prototype.filter.call(list.children, function (li) { return !li.hidden; });
      for (var i = 0; i < items.length; i++) {
        if (items[i].getAttribute("data-id") === id) {
          var other = items[i + 1] || items[i - 1];
          return { action: action, id: other ? other.getAttribute("data-id") : null };
        }
      }
      return { action: action, id: null };
    }

    function byId(id) {
      for (var i = 0; i < candidates.length; i++) {
        if (candidates[i].id === id) {
          return candidates[i];
        }
      }
      return null;
    }

    widget.addEventListener("click", function (event) {
      var b = event.target.closest("button[data-action]");
      if (!b) {
        return;
      }
      var c = byId(b.getAttribute("data-id"));
      if (!c) {
        return;
      }
      var action = b.getAttribute("data-action");
      var i = order.indexOf(c);
      if (action === "add" && i < 0) {
        if (maxRanks > 0 && order.length >= maxRanks) {
          announce(fill(text.limit, { max: maxRanks }));
          return;
        }
        var next = neighbour(pool, "add", c.id);
        order.push(c);
        render(next);
        announce(fill(text.added, { name: c.name, rank: order.length }));
      } else if (action === "remove" && i >= 0) {
        var after = neighbour(rankedList, "remove", c.id);
        order.splice(i, 1);
        render(after);
        announce(fill(text.removed, { name: c.name }));
      } else if (action === "up" && i >= 0) {
        if (i === 0) {
          announce(fill(text.atTop, { name: c.name }));
          return;
        }
        order.splice(i, 1);
        order.splice(i - 1, 0, c);
        render({ action: "up", id: c.id });
        announce(fill(text.moved, { name: c.name, rank: i }));
      } else if (action === "down" && i >= 0) {
        if (i === order.length - 1) {
          announce(fill(text.atBottom, { name: c.name }));
          return;
        }
        order.splice(i, 1);
        order.splice(i + 1, 0, c);
        render({ action: "down", id: c.id });
        announce(fill(text.moved, { name: c.name, rank: i + 2 }));
      }
    });

    // Up and down arrows move the focus to the same button of the previous or next item;
    // Home and End to the first and last.
    widget.addEventListener("keydown", function (event) {
      var b = event.target.closest && event.target.closest("button[data-action]");
      if (!b) {
        return;
      }
      var action = b.getAttribute("data-action");
      var list = action === "add" ? pool : rankedList;
      var buttons = Array.prototype.filter.call(
        list.querySelectorAll("button[data-action='" + action + "']"),
        function (x) { return !x.closest("li").hidden; }
      );
      var i = buttons.indexOf(b);
      var target = null;
      if (event.key === "ArrowDown") {
        target = buttons[i + 1];
      } else if (event.key === "ArrowUp") {
        target = buttons[i - 1];
      } else if (event.key === "Home") {
        target = buttons[0];
      } else if (event.key === "End") {
        target = buttons[buttons.length - 1];
      } else {
        return;
      }
      event.preventDefault();
      if (target) {
        target.focus();
      }
    });

    filter.addEventListener("input", function () { render(null); });
    // Enter in the filter box must not submit the ballot.
    filter.addEventListener("keydown", function (event) {
      if (event.key === "Enter") {
        event.preventDefault();
      }
    });

    render(null);
  }

  document.addEventListener("DOMContentLoaded", function () {
    var form = document.getElementById("ballot-form");
    if (form) {
      var d = form.dataset;
      var text = {
        yourRanking: d.yourRanking, empty: d.empty, candidates: d.candidates, filter: d.filter,
        filterCount: d.filterCount, add: d.add, addLabel: d.addLabel, remove: d.remove,
        removeLabel: d.removeLabel, up: d.up, upLabel: d.upLabel, down: d.down,
        downLabel: d.downLabel, added: d.added, moved: d.moved, removed: d.removed,
        atTop: d.atTop, atBottom: d.atBottom, limit: d.limit, instructions: d.instructions,
      };
      Array.prototype.forEach.call(form.querySelectorAll("fieldset[data-ranked]"), function (fs, i) {
        enhance(fs, text, i);
      });
    }
    // After a refused submission, start at the summary of what needs attention (this runs
    // after urna.js, which would focus the first invalid field).
    var summary = document.getElementById("error-summary");
    if (summary) {
      summary.focus();
    }
  });
})();
