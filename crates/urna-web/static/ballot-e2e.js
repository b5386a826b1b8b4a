// The ballot of a verifiable election, encrypted in this browser (docs/record-format.md §4).
//
// The page's form still works without this script (the server then encrypts at cast). With
// it, "Review" stays in the page: the answers are read from the form, shown for review,
// turned into bits and encrypted with a fresh credential by /static/urna-e2e.js; the plain
// answers never leave the browser. The voter then casts the encrypted ballot (only its JSON
// is posted, with the CSRF token) or audits it (Benaloh): the opened ballot is shown,
// checked here with verifyAudited, offered for download, and discarded; the next
// encryption uses new randomness and a new credential. An audited ballot is never cast.
//
// Field names are those of ballot_form.rs: abstain.<q>, choice.<q>, approve.<q>,
// score.<q>.<option>, rank.<q>.<option>.
//
// A mixnet election (every question ranked; docs/record-format.md A.6) takes the same steps
// with urna-e2e.js's ranked functions: the ranks typed become 1, 2, … in order (equal numbers
// stay equal), encrypted as points with encryptRankedBallot, audited with
// auditedRankedBallot and verifyAuditedRankedBallot.

const panel = document.getElementById("verifiable");
const form = document.getElementById("ballot-form");
const parametersElement = document.getElementById("election-parameters");

function element(tag, attributes, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) node.setAttribute(name, value);
  for (const child of children) node.append(child);
  return node;
}

// A translated text from the panel's data-* attributes, with { $problem } filled in.
function text(name, problem) {
  const template = panel.dataset[name.replace(/-([a-z])/g, (_, c) => c.toUpperCase())] || "";
  return problem === undefined ? template : template.replace(/\{ ?\$problem ?\}/, String(problem));
}

// The answers as urna-e2e.js's bitsFromAnswers takes them, one per question in the
// parameters' order, with a readable summary of each for the review.
function readAnswers(parameters) {
  const data = new FormData(form);
  return parameters.questions.map((question) => {
    const q = question.id;
    const fieldset = document.getElementById(`question-${q}`);
    const title = fieldset?.querySelector(".question-title")?.textContent.trim() || q;
    const labelOf = (input) =>
      (input && form.querySelector(`label[for="${CSS.escape(input.id)}"]`)?.textContent.trim()) || "";
    if (data.has(`abstain.${q}`)) return { title, answer: { abstain: true }, summary: [text("abstain")] };
    if (question.ballot_type === "choose_one") {
      const choice = data.get(`choice.${q}`);
      if (!choice || choice === "~abstain") return { title, answer: { abstain: true }, summary: [text("abstain")] };
      const input = form.querySelector(`input[name="choice.${CSS.escape(q)}"]:checked`);
      return { title, answer: { choice }, summary: [labelOf(input)] };
    }
    if (question.ballot_type === "approval") {
      const approve = data.getAll(`approve.${q}`).map(String);
      const inputs = [...form.querySelectorAll(`input[name="approve.${CSS.escape(q)}"]:checked`)];
      return { title, answer: { approve }, summary: inputs.map(labelOf) };
    }
    if (question.ballot_type === "ranked") {
      // The numbers typed, made consecutive: {a: 1, c: 4, d: 4} ranks a first, c and d second.
      const typed = [];
      for (const option of question.options) {
        const value = String(data.get(`rank.${q}.${option}`) ?? "").trim();
        if (value === "") continue;
        const input = form.querySelector(`[name="rank.${CSS.escape(q)}.${CSS.escape(option)}"]`);
        typed.push({ option, number: Number(value), label: labelOf(input) });
      }
      if (typed.some((t) => !Number.isInteger(t.number) || t.number < 1)) {
        const bad = typed.find((t) => !Number.isInteger(t.number) || t.number < 1);
        return { title, invalid: `${bad.label || bad.option}: ${data.get(`rank.${q}.${bad.option}`)}`, summary: [] };
      }
      const numbers = [...new Set(typed.map((t) => t.number))].sort((a, b) => a - b);
      const rank = new Map(numbers.map((n, i) => [n, i + 1]));
      const ranks = question.options.map((option) => {
        const t = typed.find((x) => x.option === option);
        return t ? rank.get(t.number) : 0;
      });
      const summary = [...typed]
        .sort((a, b) => a.number - b.number)
        .map((t) => `${rank.get(t.number)}. ${t.label}`);
      return { title, ranks, summary };
    }
    const scores = {};
    const summary = [];
    for (const option of question.options) {
      const value = data.get(`score.${q}.${option}`);
      if (value === null || String(value).trim() === "") continue;
      scores[option] = Number.parseInt(String(value), 10);
      const select = form.querySelector(`[name="score.${CSS.escape(q)}.${CSS.escape(option)}"]`);
      const chosen = select?.tagName === "SELECT" ? select.selectedOptions[0]?.textContent.trim() : String(value);
      summary.push(`${labelOf(select)}: ${chosen}`);
    }
    return { title, answer: { scores }, summary };
  });
}

function reviewList(read) {
  const list = element("dl", { class: "verifiable-review", id: "verifiable-review" });
  for (const { title, summary } of read) {
    list.append(element("dt", {}, title));
    list.append(element("dd", {}, summary.filter(Boolean).join(" · ") || "—"));
  }
  return list;
}

function button(id, label, onClick, secondary) {
  const node = element("button", { type: "button", id, ...(secondary ? { class: "secondary" } : {}) }, label);
  node.addEventListener("click", onClick);
  return node;
}

function castBallot(ballot) {
  // A real form post: the server answers with the receipt page (or the reason it refused).
  const post = element("form", { method: "post", action: panel.dataset.castAction, hidden: "" });
  post.append(element("input", { type: "hidden", name: "csrf_token", value: panel.dataset.csrfToken }));
  post.append(element("input", { type: "hidden", name: "ballot", value: JSON.stringify(ballot) }));
  document.body.append(post);
  post.submit();
}

async function start() {
  if (!panel || !form || !parametersElement) return;
  let e2e;
  let parameters;
  let ranked = false;
  try {
    e2e = await import(panel.dataset.e2eModule);
    const raw = JSON.parse(parametersElement.textContent);
    ranked = raw.questions.length > 0 && raw.questions.every((q) => q.ballot_type === "ranked");
    const parse = ranked ? e2e.parseRankedParams : e2e.parseParams;
    // The parsers validate §3 (A.6); given the JSON text, or the parsed object if they want one.
    try {
      parameters = parse(parametersElement.textContent);
    } catch {
      parameters = parse(raw);
    }
  } catch (error) {
    // Without the module the form goes to the server's review, and the server encrypts.
    console.error(error);
    form.prepend(element("p", { class: "ballot-notice", role: "status" }, text("unavailable")));
    return;
  }
  const rawParameters = JSON.parse(parametersElement.textContent);

  function showForm() {
    panel.hidden = true;
    panel.replaceChildren();
    form.hidden = false;
  }

  function encryptAndOffer(read, bits) {
    panel.replaceChildren(element("p", { id: "verifiable-status" }, text("encrypting")));
    // Let the status paint before the work.
    setTimeout(() => {
      let encrypted;
      try {
        const credentialSecret = e2e.generateCredential().secret;
        encrypted = ranked
          ? e2e.encryptRankedBallot(parameters, bits, { credentialSecret })
          : e2e.encryptBallot(parameters, bits, { credentialSecret });
      } catch (error) {
        panel.replaceChildren(element("p", { class: "error-message", role: "alert" }, text("invalid", error.message)));
        panel.append(button("verifiable-change", text("change"), showForm, true));
        return;
      }
      const { ballot, opening, tracker } = encrypted;
      panel.replaceChildren(
        element("h2", {}, text("review-title")),
        reviewList(read),
        element("p", { id: "verifiable-status" }, text("encrypted")),
        element("p", {}, text("tracker"), " ", element("code", { id: "verifiable-tracker", dir: "ltr", translate: "no" }, tracker)),
        element(
          "div",
          { class: "confirm-actions" },
          button("verifiable-cast", text("cast"), () => castBallot(ballot)),
          button("verifiable-audit", text("audit"), () => audit(read, bits, ballot, opening), true),
          button("verifiable-change", text("change"), showForm, true),
        ),
      );
      panel.querySelector("#verifiable-cast")?.focus();
    }, 0);
  }

  function audit(read, bits, ballot, opening) {
    const audited = ranked ? e2e.auditedRankedBallot(parameters, ballot, opening) : e2e.auditedBallot(parameters, ballot, opening);
    const json = JSON.stringify(audited, null, 2);
    let verdict;
    try {
      if (ranked) e2e.verifyAuditedRankedBallot(JSON.parse(json));
      else e2e.verifyAudited(JSON.parse(json));
      verdict = element("p", { id: "verifiable-audit-result", class: "audit-ok", role: "status" }, text("audit-ok"));
    } catch (error) {
      verdict = element("p", { id: "verifiable-audit-result", class: "error-message", role: "alert" }, text("audit-failed", error.message));
    }
    const download = element(
      "a",
      { id: "verifiable-audit-download", download: "audited-ballot.json", href: URL.createObjectURL(new Blob([json], { type: "application/json" })) },
      text("audit-download"),
    );
    panel.replaceChildren(
      element("h2", {}, text("audit-title")),
      reviewList(read),
      verdict,
      element("pre", { id: "verifiable-audited-ballot", dir: "ltr", class: "audited-ballot" }, json),
      element("p", {}, download),
      element(
        "div",
        { class: "confirm-actions" },
        // The audited ballot is gone: only a fresh encryption can be cast.
        button("verifiable-again", text("again"), () => encryptAndOffer(read, bits)),
        button("verifiable-change", text("change"), showForm, true),
      ),
    );
  }

  // Tests wait for this: from now on "Review" stays in the page.
  panel.dataset.ready = "true";
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const read = readAnswers(rawParameters);
    // `bits` holds the ranks per question in a mixnet election.
    let bits;
    try {
      if (ranked) {
        const invalid = read.find((r) => r.invalid);
        if (invalid) throw new Error(`${invalid.title}: ${invalid.invalid}`);
        // An abstention ranks no one.
        bits = read.map((r, i) => r.ranks ?? rawParameters.questions[i].options.map(() => 0));
      } else {
        bits = e2e.bitsFromAnswers(parameters, read.map((r) => r.answer));
      }
    } catch (error) {
      panel.hidden = false;
      panel.replaceChildren(element("p", { class: "error-message", role: "alert", id: "verifiable-invalid" }, text("invalid", error.message)));
      panel.scrollIntoView();
      return;
    }
    form.hidden = true;
    panel.hidden = false;
    encryptAndOffer(read, bits);
  });
}

start();
