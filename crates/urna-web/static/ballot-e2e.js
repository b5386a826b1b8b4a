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
// score.<q>.<option>.

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
  try {
    e2e = await import(panel.dataset.e2eModule);
    // parseParams validates §3; it is given the JSON text, or the parsed object if it wants one.
    try {
      parameters = e2e.parseParams(parametersElement.textContent);
    } catch {
      parameters = e2e.parseParams(JSON.parse(parametersElement.textContent));
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
        encrypted = e2e.encryptBallot(parameters, bits, { credentialSecret: e2e.generateCredential().secret });
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
    const audited = e2e.auditedBallot(parameters, ballot, opening);
    const json = JSON.stringify(audited, null, 2);
    let verdict;
    try {
      e2e.verifyAudited(JSON.parse(json));
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
    let bits;
    try {
      bits = e2e.bitsFromAnswers(parameters, read.map((r) => r.answer));
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
