/* The clinician page and practice mode. Every string from the bot or the user is inserted as text (textContent),
 * never as HTML; no inline script or handler (the page runs under a CSP without 'unsafe-inline').
 * The conversation lives on the server (session persistence: the socket joins the session id kept in
 * localStorage); Rasa does not replay history to a new socket, so the page also keeps what it has shown, keyed
 * by that session id, and draws it again after a reload. Drawing is deterministic over that transcript, so the
 * case separators, superseded cards and the one feedback question per case come back the same after a reload. */
(function () {
  "use strict";

  var STORE = "alk-assistant";
  var log = document.getElementById("log");
  var input = document.getElementById("input");
  var typing = document.getElementById("typing");
  var statusEl = document.getElementById("status");
  var caseFields = document.getElementById("case-fields");
  var disclaimer = document.getElementById("disclaimer");
  var PHONE = window.matchMedia("(max-width: 800px)");
  var PLACEHOLDER = PHONE.matches ? "Describe the case or ask" : input.getAttribute("placeholder");
  var fieldLabels = {};
  var state = load();
  var typingTimer = null;
  var view = { caseNo: 1, caseHasContent: false, pinned: null };  // rebuilt on every full draw

  function load() {
    try { return JSON.parse(localStorage.getItem(STORE)) || {}; } catch (e) { return {}; }
  }
  function save() {
    try { localStorage.setItem(STORE, JSON.stringify(state)); } catch (e) { /* private mode: keep going */ }
  }
  function transcript() {
    state.transcripts = state.transcripts || {};
    return (state.transcripts[state.session] = state.transcripts[state.session] || []);
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }
  function human(value) {
    if (Array.isArray(value)) return value.length ? value.map(human).join(", ") : "none";
    if (value === true) return "yes";
    if (value === false) return "no";
    return String(value).replace(/_/g, " ");
  }
  function clock(time) {
    return new Date(time).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
  }
  function link(text, href) {
    var a = el("a", null, text);
    if (/^https:\/\//.test(href || "")) { a.href = href; a.target = "_blank"; a.rel = "noopener noreferrer"; }
    return a;
  }

  // ---- the case panel: shows the case, and corrects a finding in place ------------------------------------
  // field → the extractor's entity that states it, and the choices (a structured payload goes through the
  // ordinary channel; the case changes only when the assistant answers with the new case).
  var BOOL = [["true", "yes"], ["false", "no"]];
  var EDIT = {
    alk_positive: { entity: "alk_status", choices: [["positive", "yes"], ["negative", "no"]] },
    histology: { entity: "histology", choices: [["adenocarcinoma"], ["squamous"], ["other_nsclc", "other NSCLC"]] },
    progression: { entity: "progression_pattern", choices: [["systemic"], ["oligoprogression"], ["cns_only", "CNS only"],
                                                             ["indolent"], ["none"]] },
    brain_metastases: { entity: "brain_metastases", choices: BOOL },
    cns_lesions: { entity: "cns_lesions", choices: [["limited"], ["extensive"]] },
    leptomeningeal: { entity: "leptomeningeal", choices: BOOL },
    symptomatic: { entity: "symptomatic", choices: BOOL },
    ecog: { entity: "ecog", choices: [["0"], ["1"], ["2"], ["3"], ["4"]] },
    goals_of_care: { entity: "goals_of_care", choices: [["disease_directed", "disease-directed"], ["comfort"]] },
    biopsy: { entity: "biopsy_type", choices: [["tissue", "tissue NGS"], ["plasma", "plasma ctDNA"],
                                                ["tissue_and_plasma", "tissue and plasma"], ["none", "no re-biopsy"]] },
    compound: { entity: "compound", choices: BOOL },
    transformation: { entity: "transformation", choices: [["none"], ["small_cell", "small-cell"],
                                                          ["small_cell_mixed", "mixed small-cell"], ["squamous"]] },
    strong_cyp3a_inducer: { entity: "cyp3a_inducer", choices: BOOL },
    prior_chemotherapy: { entity: "prior_chemotherapy", choices: BOOL },
    prior_immunotherapy: { entity: "prior_immunotherapy", choices: BOOL }
  };
  // list fields: add and remove items; TKIs and bypass alterations from the knowledge base's values
  // (choices.json), mutations typed and read by the assistant, which names back any it cannot read
  var LIST_EDIT = {
    prior_tkis: { entity: "tki", source: "prior_tkis", required: true },
    bypass_alterations: { entity: "bypass_alteration", source: "bypass_alterations" },
    alk_mutations: { entity: "alk_mutation", typed: true }
  };
  var NUMBER_EDIT = { pdl1_tps: { entity: "pdl1_tps", min: 0, max: 100, unit: "%" } };
  var listChoices = {};
  function fieldName(key) {
    var label = (fieldLabels[key] || key.replace(/_/g, " ")).split(" (")[0];
    return label.charAt(0).toUpperCase() + label.slice(1);
  }
  // A changed finding stays marked (with its earlier value) until the case changes again.
  function showCase(caseDoc) {
    if (JSON.stringify(caseDoc) !== JSON.stringify(state.caseDoc || {})) state.casePrev = state.caseDoc || {};
    if (!Object.keys(caseDoc || {}).length) state.casePrev = {};
    var before = state.casePrev || {};
    state.caseDoc = caseDoc;
    save();
    caseFields.replaceChildren();
    var keys = Object.keys(caseDoc || {});
    if (!keys.length) { caseFields.appendChild(el("div", "empty", "Nothing collected yet.")); return; }
    keys.forEach(function (key) {
      var changed = Object.keys(before).length && JSON.stringify(before[key]) !== JSON.stringify(caseDoc[key]);
      var row = el("div", "field" + (changed ? " changed" : ""));
      row.dataset.field = key;
      row.appendChild(el("dt", null, fieldName(key)));
      var dd = el("dd");
      var editor = EDIT[key] ? editField : LIST_EDIT[key] ? editList : NUMBER_EDIT[key] ? editNumber : null;
      if (editor) {
        var button = el("button", "value", human(caseDoc[key]));
        button.type = "button";
        button.setAttribute("aria-label", fieldName(key) + ": " + human(caseDoc[key]) + ". Correct it");
        button.addEventListener("click", function () { editor(row, key); });
        dd.appendChild(button);
      } else {
        dd.textContent = human(caseDoc[key]);
      }
      if (changed) dd.appendChild(el("span", "was", key in before ? "was " + human(before[key]) : "new"));
      row.appendChild(dd);
      caseFields.appendChild(row);
    });
  }
  function editField(row, key) {
    var spec = EDIT[key];
    var current = String(state.caseDoc[key]);
    var select = el("select");
    select.setAttribute("aria-label", "Correct " + fieldName(key));
    spec.choices.forEach(function (c) {
      var option = el("option", null, c[1] || human(c[0]));
      option.value = c[0];
      var shown = spec.entity === "alk_status" ? String(c[0] === "positive") : c[0];
      if (shown === current) option.selected = true;
      select.appendChild(option);
    });
    var dd = row.querySelector("dd");
    dd.replaceChildren(select);
    select.focus();
    select.addEventListener("change", function () {
      sendCorrection(dd, key, spec.entity, select.value, select.options[select.selectedIndex].textContent);
    });
    cancelOnEscape(select);
  }
  // One way for every in-place correction: a structured payload on the ordinary channel; the panel shows the
  // change (with "was …") only when the assistant answers with the new case.
  function sendCorrection(dd, key, entity, value, shown) {
    var entities = {};
    entities[entity] = value;
    send("/correct_finding" + JSON.stringify(entities), "Correction: " + fieldName(key).toLowerCase() + " → " + shown);
    dd.replaceChildren(el("span", "pending", shown + " (recomputing…)"));
  }
  function cancelOnEscape(node) {
    node.addEventListener("keydown", function (event) {
      if (event.key === "Escape") showCase(state.caseDoc);
    });
  }
  function smallButton(text, label, onClick) {
    var b = el("button", "small", text);
    b.type = "button";
    if (label) b.setAttribute("aria-label", label);
    b.addEventListener("click", onClick);
    return b;
  }
  function editList(row, key) {
    var spec = LIST_EDIT[key];
    var items = (state.caseDoc[key] || []).slice();
    var dd = row.querySelector("dd");
    var box = el("div", "list-editor");
    box.setAttribute("role", "group");
    box.setAttribute("aria-label", "Correct " + fieldName(key));
    var ul = el("ul");
    var adder;
    var apply = smallButton("Apply", "Apply the corrected " + fieldName(key).toLowerCase(), function () {
      if (spec.typed && adder.value.trim()) add(adder.value.trim());
      var shown = items.length ? items.map(human).join(", ") : "none";
      sendCorrection(dd, key, spec.entity, items.length ? items : ["none"], shown);
    });
    function redraw() {
      ul.replaceChildren();
      items.forEach(function (item, i) {
        var li = el("li", null, human(item) + " ");
        li.appendChild(smallButton("×", "Remove " + human(item), function () { items.splice(i, 1); redraw(); }));
        ul.appendChild(li);
      });
      if (!items.length) ul.appendChild(el("li", "muted", spec.required ? "at least one is needed" : "none found"));
      apply.disabled = spec.required && !items.length;
      if (!spec.typed) fillChoices();
    }
    function add(value) { if (value && items.indexOf(value) < 0) items.push(value); redraw(); }
    function fillChoices() {
      adder.replaceChildren(el("option", null, "add…"));
      adder.options[0].value = "";
      (listChoices[spec.source] || []).forEach(function (c) {
        if (items.indexOf(c[0]) >= 0) return;
        var option = el("option", null, c[1]);
        option.value = c[0];
        adder.appendChild(option);
      });
    }
    if (spec.typed) {
      adder = el("input");
      adder.placeholder = "e.g. G1202R";
      adder.maxLength = 40;
      adder.setAttribute("aria-label", "Add a " + fieldName(key).toLowerCase().replace(/s$/, ""));
      adder.addEventListener("keydown", function (event) {
        if (event.key === "Enter") { event.preventDefault(); add(adder.value.trim()); adder.value = ""; }
      });
    } else {
      adder = el("select");
      adder.setAttribute("aria-label", "Add to " + fieldName(key).toLowerCase());
      adder.addEventListener("change", function () { add(adder.value); });
    }
    var controls = el("div", "list-controls");
    controls.appendChild(adder);
    if (spec.typed) controls.appendChild(smallButton("Add", null, function () { add(adder.value.trim()); adder.value = ""; }));
    controls.appendChild(apply);
    controls.appendChild(smallButton("Cancel", null, function () { showCase(state.caseDoc); }));
    box.appendChild(ul);
    box.appendChild(controls);
    cancelOnEscape(box);
    redraw();
    dd.replaceChildren(box);
    adder.focus();
  }
  function editNumber(row, key) {
    var spec = NUMBER_EDIT[key];
    var dd = row.querySelector("dd");
    var input = el("input");
    input.type = "number";
    input.min = spec.min;
    input.max = spec.max;
    input.step = 1;
    input.value = state.caseDoc[key];
    input.setAttribute("aria-label", "Correct " + fieldName(key) + " (" + spec.min + " to " + spec.max + spec.unit + ")");
    var error = el("span", "error");
    function apply() {
      var n = Number(input.value);
      if (input.value.trim() === "" || !Number.isInteger(n) || n < spec.min || n > spec.max) {
        error.textContent = "A whole number from " + spec.min + " to " + spec.max + ".";
        return;
      }
      sendCorrection(dd, key, spec.entity, String(n), n + spec.unit);
    }
    input.addEventListener("keydown", function (event) { if (event.key === "Enter") { event.preventDefault(); apply(); } });
    cancelOnEscape(input);
    dd.replaceChildren(input, smallButton("Apply", "Apply the corrected " + fieldName(key), apply), error);
    input.focus();
  }

  // ---- the recommendation card (from the clinician view bot.render.card_view builds) -------------------------
  function list(items, render, className) {
    var ul = el("ul", className);
    items.forEach(function (item) { ul.appendChild(render(item)); });
    return ul;
  }
  function section(card, title, node, className) {
    var box = el("section", className);
    box.appendChild(el("h3", null, title));
    box.appendChild(node);
    card.appendChild(box);
  }
  function evidenceItem(e) {
    var li = el("li");
    li.appendChild(document.createTextNode(e.citation));
    if (e.level) li.appendChild(el("span", "level", e.level));
    if (e.url) { li.appendChild(document.createTextNode(" ")); li.appendChild(link("article", e.url)); }
    if (e.registry) { li.appendChild(document.createTextNode(" ")); li.appendChild(link(e.registry.id, e.registry.url)); }
    return li;
  }
  // Options that share a sentence: each its own item, the sentence said once under them.
  function labelled(group, text) {
    var items = document.createDocumentFragment();
    group.labels.forEach(function (label) {
      var li = el("li");
      li.appendChild(el("strong", null, label));
      if (group.labels.length === 1) li.appendChild(document.createTextNode(": " + text));
      items.appendChild(li);
    });
    if (group.labels.length > 1) items.appendChild(el("li", "shared", (group.labels.length === 2 ? "Both: " : "All: ") + text));
    return items;
  }
  function card(custom, time) {
    var v = custom.card;
    var node = el("article", "card status-" + v.status);
    node.setAttribute("aria-label", "Recommendation");
    node.appendChild(el("p", "superseded-note", "Superseded by the answer below"));
    var head = el("div", "head");
    head.appendChild(el("p", "headline", v.headline));
    v.preferred.forEach(function (g) {
      g.labels.forEach(function (label) { head.appendChild(el("p", "preferred", label)); });
      head.appendChild(el("p", "why", g.why));
    });
    node.appendChild(head);
    if (v.scope) {
      var scope = el("div", "scope");
      scope.appendChild(el("p", null, v.scope.means));
      var instead = el("p"); instead.appendChild(el("strong", null, "Where to go instead: "));
      instead.appendChild(document.createTextNode(v.scope.instead));
      scope.appendChild(instead);
      node.appendChild(scope);
    }
    if (v.confidence) {
      var conf = el("p", "confidence");
      conf.appendChild(el("span", "badge " + v.confidence.level, "Confidence: " + v.confidence.level));
      conf.appendChild(document.createTextNode(" " + v.confidence.meaning + "."));
      node.appendChild(conf);
    }
    if (v.alternatives.length) section(node, "Alternatives", list(v.alternatives, function (g) { return labelled(g, g.why); }), "alternatives");
    if (v.avoid.length || v.routine_avoid.length) {
      var avoid = list(v.avoid, function (g) { return labelled(g, g.reason); }, "avoid");
      if (v.routine_avoid.length) {
        var li = el("li", "routine");
        var fold = el("details", "routine-fold");
        fold.appendChild(el("summary", null, "As in every ALK-positive relapse: " +
          v.routine_avoid.map(function (a) { return a.label; }).join("; ")));
        fold.appendChild(list(v.routine_avoid, function (a) { return el("li", null, a.label + ": " + a.reason); }));
        li.appendChild(fold);
        avoid.appendChild(li);
      }
      section(node, "Avoid", avoid, "avoid-box");
    }
    if (v.caveats.length) section(node, "Caveats", list(v.caveats, function (c) { return el("li", null, c); }), "caveats");
    if (v.missing.length) section(node, "Would change or strengthen the answer", el("p", null, v.missing.join("; ")), "missing");
    if (v.key_evidence.length) section(node, "Key evidence", list(v.key_evidence, evidenceItem, "key-evidence"), "evidence-box");
    if (v.more_evidence.length) {
      var more = el("details", "evidence");
      more.appendChild(el("summary", null, "More evidence (" + v.more_evidence.length + ")"));
      more.appendChild(list(v.more_evidence, evidenceItem));
      node.appendChild(more);
    }
    var why = el("details", "trace");
    why.appendChild(el("summary", null, "Rule trace (" + v.trace.map(function (r) { return r.rule; }).join(" → ") + ")"));
    why.appendChild(list(v.trace, function (r) {
      var li = el("li"); li.appendChild(el("strong", null, r.rule + " " + r.title + ": ")); li.appendChild(document.createTextNode(r.because)); return li;
    }));
    node.appendChild(why);
    node.appendChild(el("p", "meta", "Knowledge base " + v.knowledge_version + " · " + new Date(time).toLocaleString()));
    var actions = el("div", "actions");
    var copy = el("button", "secondary copy-note", "Copy to note");
    copy.type = "button";
    copy.addEventListener("click", function () { copyText(custom.note || "", copy); });
    var print = el("button", "secondary print", "Print");
    print.type = "button";
    print.addEventListener("click", function () { printCard(node.closest("li")); });
    actions.appendChild(copy);
    actions.appendChild(print);
    node.appendChild(actions);
    if (v.disclaimer) disclaimer.textContent = v.disclaimer;
    return node;
  }
  function copyText(text, button) {
    var label = button.textContent;
    var done = function () { button.textContent = "Copied"; setTimeout(function () { button.textContent = label; }, 1500); };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done, function () { fallbackCopy(text); done(); });
    } else { fallbackCopy(text); done(); }
  }
  function fallbackCopy(text) {
    var area = el("textarea"); area.value = text; area.setAttribute("readonly", "");
    area.style.position = "fixed"; area.style.opacity = "0"; document.body.appendChild(area);
    area.select(); try { document.execCommand("copy"); } catch (e) { /* nothing more to try */ }
    area.remove();
  }
  function printTarget(li) {
    log.querySelectorAll(".print-target").forEach(function (n) { n.classList.remove("print-target"); });
    if (li) li.classList.add("print-target");
  }
  function printCard(li) { printTarget(li); window.print(); }

  // ---- practice: the vignette panel, the feedback card, the summary ------------------------------------------
  var vignette = document.getElementById("vignette");
  var topicSelect = document.getElementById("practice-topic");
  var levelSelect = document.getElementById("practice-level");

  document.getElementById("practice-settings").open = !PHONE.matches;
  function setMode(mode) {
    state.mode = mode;
    save();
    document.body.classList.toggle("practice", mode === "practice");
    vignette.hidden = mode !== "practice";
    input.setAttribute("placeholder", mode === "practice" ? "Your answer" : PLACEHOLDER);
  }
  function showPractice(p) {
    state.practice = p;
    save();
    document.getElementById("vignette-title").textContent = "Case " + p.case_id + " · " + p.topic_label + " · " +
      ["", "easy", "medium", "hard"][p.difficulty];
    document.getElementById("vignette-text").textContent = p.vignette;
    var notice = document.getElementById("vignette-notice");
    notice.textContent = p.notice || "";
    notice.hidden = !p.notice;
    document.getElementById("vignette-box").open = true;
    vignette.classList.remove("answered", "ended");
    if (p.bank) {
      topicSelect.replaceChildren();
      var total = Object.keys(p.bank).reduce(function (n, t) { return n + p.bank[t].total; }, 0);
      var any = el("option", null, "Any topic (" + total + " cases)"); any.value = "any"; topicSelect.appendChild(any);
      Object.keys(p.bank).forEach(function (t) {
        var o = el("option", null, p.bank[t].label + " (" + p.bank[t].total + ")"); o.value = t; topicSelect.appendChild(o);
      });
    }
    var filter = p.filter || {};
    topicSelect.value = filter.topic || "any";
    levelSelect.value = filter.difficulty ? String(filter.difficulty) : "any";
    if (p.trainee !== undefined) showTrainee(p.trainee);
  }
  var GRADE_WORDS = { preferred: "Preferred answer", acceptable: "Acceptable: a defensible alternative",
                      wrong: "Not the answer here", harmful: "Harmful: on the list to avoid" };
  function feedbackCard(g) {
    var node = el("article", "card feedback grade-" + (g.revealed ? "revealed" : g.therapy_grade));
    node.setAttribute("aria-label", "Feedback");
    var head = el("div", "head");
    head.appendChild(el("p", "headline", g.revealed ? "The answer" : GRADE_WORDS[g.therapy_grade] + " · score " + Math.round(g.score * 100) + "%"));
    if (g.verdict) head.appendChild(el("p", "verdict", g.verdict));
    node.appendChild(head);
    if (g.rubric) {
      var table = el("table", "rubric");
      g.rubric.forEach(function (r) {
        var tr = el("tr");
        tr.appendChild(el("th", null, r.item));
        tr.appendChild(el("td", "points", r.earned + " / " + r.possible));
        tr.appendChild(el("td", null, r.comment));
        table.appendChild(tr);
      });
      section(node, "Rubric", table);
    }
    var a = g.answer;
    var answer = el("div");
    answer.appendChild(el("p", "preferred", a.preferred.join("; ") || "More information first"));
    if (a.alternatives.length) answer.appendChild(el("p", null, "Also defensible: " + a.alternatives.join("; ")));
    if (a.avoid.length) answer.appendChild(el("p", "avoid-line", "Avoid: " + a.avoid.join("; ")));
    answer.appendChild(list(a.why, function (w) { return el("li", null, w); }));
    section(node, "The assistant's answer", answer);
    section(node, "Teaching points", list(g.teaching_points, function (p) { return el("li", null, p.text); }));
    if (g.evidence.length) section(node, "Evidence", list(g.evidence, evidenceItem, "key-evidence"));
    return node;
  }
  function summaryCard(s) {
    var node = el("article", "card summary");
    node.setAttribute("aria-label", "Session summary");
    node.appendChild(el("p", "headline", "Session summary"));
    node.appendChild(el("p", "preferred", s.answered ? s.answered + " answered · average " + Math.round(s.mean_score * 100) + "%" : "No case answered"));
    node.appendChild(list(s.results, function (r) {
      return el("li", null, r.case_id + " · " + (r.topic_label || human(r.topic)) + " · " + r.grade + (r.score !== null && r.grade !== "revealed" ? " · " + Math.round(r.score * 100) + "%" : ""));
    }));
    if (s.revisit.length) node.appendChild(el("p", null, "Worth revisiting: " + s.revisit.join(", ") + "."));
    return node;
  }
  function showTrainee(name) {
    state.trainee = name || null;
    save();
    document.getElementById("trainee-state").textContent = name ? "Signed in as " + name + ": progress follows you to any browser."
      : "Progress is kept in this browser.";
    document.getElementById("sign-in").hidden = !!name;
    document.getElementById("sign-out").hidden = !name;
  }

  // ---- the log ------------------------------------------------------------------------------------------------
  function isFeedbackPrompt(entry) {
    return (entry.replies || []).some(function (r) { return /^\/feedback_/.test(r.payload); });
  }
  function rated() { state.rated = state.rated || {}; return state.rated; }
  function caseKey() { return state.session + ":" + view.caseNo; }

  // The server confirms a new case after the words that asked for it: the separator goes before that request.
  function newCaseDivider(time) {
    var users = log.querySelectorAll(".msg.user");
    var request = users.length ? users[users.length - 1] : null;
    log.querySelectorAll(".msg").forEach(function (n) { if (n !== request && !(request && (request.compareDocumentPosition(n) & 4))) n.classList.add("earlier"); });
    view.caseNo += 1;
    view.caseHasContent = false;
    view.pinned = null;
    var li = el("li", "divider");
    li.appendChild(el("span", null, "New case · " + clock(time)));
    log.insertBefore(li, request);
    if (request) request.dataset.case = view.caseNo;
    li.scrollIntoView({ block: "start" });
  }
  function draw(entry) {
    var custom = entry.custom || {};
    if (custom.case && !Object.keys(custom.case).length && view.caseHasContent) newCaseDivider(entry.time);
    if (custom.practice) { setMode("practice"); vignette.classList.remove("answered", "ended"); }
    if (custom.case && !custom.card) setMode("clinic");
    var li = el("li", "msg " + entry.who);
    li.dataset.case = view.caseNo;
    if (custom.card) {
      log.querySelectorAll('.msg.answer[data-case="' + view.caseNo + '"]').forEach(function (n) {
        n.classList.add("superseded");
        n.querySelectorAll("details").forEach(function (d) { d.open = false; });
      });
      li.classList.add("answer");
      li.appendChild(card(custom, entry.time));
      printTarget(li);
      view.pinned = li;
    } else if (custom.practice && entry.text) {
      var shown = el("details", "bubble practice-case");  // the vignette itself stays in view above
      var lines = entry.text.split("\n");
      shown.appendChild(el("summary", null, lines[0]));
      shown.appendChild(el("p", null, lines.slice(1).join("\n").trim()));
      li.appendChild(shown);
    } else if (custom.practice_grade) {
      vignette.classList.add("answered");
      li.classList.add("answer");
      li.appendChild(feedbackCard(custom.practice_grade));
      view.pinned = li;
    } else if (custom.practice_summary) {
      vignette.classList.add("ended");
      li.appendChild(summaryCard(custom.practice_summary));
    } else if (entry.text) {
      if (isFeedbackPrompt(entry)) {
        if (rated()[caseKey()]) return;  // asked and answered for this case already
        log.querySelectorAll('.feedback-prompt[data-case="' + view.caseNo + '"]').forEach(function (n) { n.remove(); });
        li.classList.add("feedback-prompt");
      }
      li.appendChild(el("div", "bubble", entry.text));
    } else {
      return;  // data only (the case panel's update): nothing to show in the log
    }
    if (entry.who === "user") { view.caseHasContent = true; view.pinned = null; }
    if (entry.replies && entry.replies.length) {
      var row = el("div", "replies");
      entry.replies.forEach(function (r) {
        var b = el("button", null, r.title);
        b.type = "button";
        b.addEventListener("click", function () {
          if (/^\/feedback_/.test(r.payload)) { rated()[caseKey()] = true; save(); }
          send(r.payload, r.title);
        });
        row.appendChild(b);
      });
      li.appendChild(row);
    }
    var time = el("time", null, clock(entry.time)); time.dateTime = new Date(entry.time).toISOString();
    li.appendChild(time);
    log.appendChild(li);
    scroll(li);
  }
  // The view shows the newest answer's headline, not its end: the messages that follow an answer (the feedback
  // question) do not push it out of view.
  function scroll(li) {
    var target = view.pinned ? view.pinned.querySelector(".head") || view.pinned : li;
    target.scrollIntoView({ block: view.pinned ? "start" : "end" });
  }
  function record(entry) {
    transcript().push(entry);
    save();
    draw(entry);
  }

  // ---- the socket ---------------------------------------------------------------------------------------------
  var socket = io({ path: "/socket.io", transports: ["websocket", "polling"] });

  function setStatus(text, cls) { statusEl.textContent = text; statusEl.className = "status " + cls; }

  // ---- the session's secret: the server binds a session to the socket that holds its secret -----------------
  function sessionSecret(socket) {
    socket.on("session_secret", function (secret) { state.sessionSecret = secret; save(); });
    socket.on("session_error", function (msg) { record({ who: "bot", text: msg.text, time: Date.now() }); });
    return function request() {
      return { session_id: state.session || null, session_secret: state.sessionSecret || null };
    };
  }
  var sessionRequest = sessionSecret(socket);

  socket.on("connect", function () {
    setStatus("connected", "online");
    socket.emit("session_request", sessionRequest());
  });
  socket.on("disconnect", function () {
    sessionConfirmed = false;  // the server binds a connection to its session again on reconnect (session_request)
    setStatus("connection lost: reconnecting…", "offline");
  });
  socket.io.on("reconnect_attempt", function () { setStatus("connection lost: reconnecting…", "offline"); });
  var sessionConfirmed = false;  // this page load's session, as opposed to one remembered from a previous load
  socket.on("session_confirm", function (sessionId) {
    sessionConfirmed = true;
    var first = !state.session || state.session !== sessionId;
    state.session = sessionId;
    save();
    if (first && !transcript().length) send("/greet", null);
  });
  socket.on("bot_uttered", function (msg) {
    stopTyping();
    var custom = msg.custom || {};
    if (custom.case) showCase(custom.case);
    else if (caseFields.querySelector(".pending")) showCase(state.caseDoc);  // answered without a change
    if (custom.practice) showPractice(custom.practice);
    record({ who: "bot", text: msg.text || "", replies: msg.quick_replies || msg.buttons || [], custom: custom,
             time: Date.now() });
  });
  socket.on("trainee_status", function (status) {
    var error = document.getElementById("sign-in-error");
    error.textContent = status.error || "";
    if (!status.error) showTrainee(status.name);
  });

  function send(text, shown) {
    if (!text || !text.trim()) return;
    view.pinned = null;
    if (shown !== null) record({ who: "user", text: shown || text, time: Date.now() });
    // before this connection's session is confirmed (just after a reload or a reconnect) the server would refuse the
    // message ("no conversation yet"): it is sent once the session is confirmed, never lost
    var emit = function () { socket.emit("user_uttered", { message: text, session_id: state.session }); };
    if (sessionConfirmed) emit(); else socket.once("session_confirm", emit);
    startTyping();
  }
  function startTyping() {
    typing.hidden = false;
    clearTimeout(typingTimer);
    typingTimer = setTimeout(stopTyping, 30000);
  }
  function stopTyping() { typing.hidden = true; clearTimeout(typingTimer); }

  document.getElementById("composer").addEventListener("submit", function (event) {
    event.preventDefault();
    var text = input.value;
    input.value = "";
    send(text);
    input.focus();
  });
  input.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && !event.shiftKey) {
      event.preventDefault();
      document.getElementById("composer").requestSubmit();
    }
  });
  document.getElementById("new-case").addEventListener("click", function () { send("/start_case", "New case"); });
  document.getElementById("practice").addEventListener("click", function () { send("/practice_start", "Practice"); });
  var toggle = document.getElementById("toggle-case");
  toggle.addEventListener("click", function () {
    var open = !document.body.classList.contains("case-open");
    document.body.classList.toggle("case-open", open);
    toggle.setAttribute("aria-expanded", String(open));
  });
  document.getElementById("practice-go").addEventListener("click", function () {
    var entities = { practice_topic: topicSelect.value, practice_level: levelSelect.value };
    send("/practice_start" + JSON.stringify(entities), "Practice: " +
      topicSelect.options[topicSelect.selectedIndex].textContent.replace(/ \(\d+( cases)?\)$/, "") + ", " +
      levelSelect.options[levelSelect.selectedIndex].textContent.toLowerCase() + " difficulty");
  });
  document.getElementById("practice-end").addEventListener("click", function () { send("/practice_end", "End session"); });
  document.getElementById("practice-actions").addEventListener("click", function (event) {
    var b = event.target.closest("button[data-payload]");
    if (b) send(b.dataset.payload, b.textContent);
  });
  document.getElementById("sign-in-form").addEventListener("submit", function (event) {
    event.preventDefault();
    var code = document.getElementById("trainee-code");
    socket.emit("trainee_sign_in", { session_id: state.session, name: document.getElementById("trainee-name").value,
                                     code: code.value });
    code.value = "";
  });
  document.getElementById("sign-out").addEventListener("click", function () {
    socket.emit("trainee_sign_out", { session_id: state.session });
  });
  window.addEventListener("beforeprint", function () {
    if (!log.querySelector(".print-target")) printTarget(log.querySelector(".msg.answer:last-of-type"));
  });

  // ---- a case opened from the health record: a CDS Hooks card's link ends in #case=<token> (bot/cds) ----------
  // The page trades the token for the case and its answer (POST, so it stays out of logs); it then leaves the URL.
  function loadLinkedCase() {
    var match = /^#case=([A-Za-z0-9_-]{20,})$/.exec(location.hash);
    if (!match) return;
    history.replaceState(null, "", location.pathname + location.search);
    // the server writes the case into this page's conversation, which the page proves it holds with the session's
    // secret: so wait for this page load's session confirmation (the secret comes just before it)
    var whenSession = function (fn) { if (sessionConfirmed) fn(); else socket.once("session_confirm", function () { fn(); }); };
    var say = function (text) { whenSession(function () { record({ who: "bot", text: text, time: Date.now() }); }); };
    whenSession(function () {
      fetch("../cds/case-exchange", { method: "POST", headers: { "Content-Type": "application/json" },
                                      body: JSON.stringify({ token: match[1], session_id: state.session,
                                                             session_secret: state.sessionSecret }) })
        .then(function (r) { return r.json().then(function (data) { return { ok: r.ok, data: data }; }); })
        .then(function (res) {
          if (!res.ok) { say(res.data.error || "This case link could not be opened."); return; }
          showCase(res.data.case);
          record({ who: "bot", text: res.data.readback, time: Date.now() });
          record({ who: "bot", text: res.data.text, custom: res.data, time: Date.now() });
        })
        .catch(function () { say("This case link could not be opened: the assistant did not answer."); });
    });
  }

  // ---- start: labels, then what this session already showed -----------------------------------------------
  fetch("labels.json").then(function (r) { return r.json(); }).then(function (labels) {
    fieldLabels = labels;
    if (state.caseDoc) showCase(state.caseDoc);
  }).catch(function () { /* labels are a nicety: raw field names still read */ });
  fetch("choices.json").then(function (r) { return r.json(); }).then(function (choices) { listChoices = choices; })
    .catch(function () { /* without them the list editors offer removal and typed mutations only */ });
  setMode(state.mode || "clinic");
  if (state.practice) showPractice(state.practice);
  if (state.trainee) showTrainee(state.trainee);
  if (state.session) transcript().forEach(draw);
  if (state.caseDoc) showCase(state.caseDoc);
  loadLinkedCase();
  input.focus();
})();
