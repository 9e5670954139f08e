// Undervisning: exercise mode (one case per screen, answers kept in localStorage) and projector
// mode (one case or dilemma per screen, keyboard-driven). Everything it shows was rendered at
// build time from the guides; this file only shows, hides and marks. No Pyodide here.
// Mounted through Material's document$ so it survives instant navigation.

function load(key) {
  try {
    return JSON.parse(localStorage.getItem(key)) || {};
  } catch (e) {
    return {};
  }
}

function save(key, value) {
  try {
    localStorage.setItem(key, JSON.stringify(value));
  } catch (e) {
    /* storage full or blocked: the exercise still works, it is just not kept */
  }
}

// -- exercise mode ----------------------------------------------------------------------------

function mark(section, t) {
  section.querySelectorAll("fieldset.t-ask").forEach((fs) => {
    fs.querySelectorAll(".t-option").forEach((opt) => {
      opt.classList.remove("t-right", "t-wrong", "t-correct");
      opt.querySelectorAll(".t-verdict").forEach((v) => v.remove());
      const input = opt.querySelector("input");
      const correct = input.hasAttribute("data-correct");
      let verdict = null;
      if (input.checked) {
        opt.classList.add(correct ? "t-right" : "t-wrong");
        verdict = correct ? t.right : t.wrong;
      } else if (correct) {
        opt.classList.add("t-correct");
        verdict = t.correct;
      }
      if (verdict) {
        const span = document.createElement("span");
        span.className = "t-verdict";
        span.textContent = verdict;
        opt.querySelector("label").append(span);
      }
    });
    const chosen = fs.querySelector("input:checked");
    fs.dataset.result = chosen ? (chosen.hasAttribute("data-correct") ? "right" : "wrong") : "unanswered";
  });
}

function unmark(section) {
  section.querySelectorAll(".t-option").forEach((opt) => opt.classList.remove("t-right", "t-wrong", "t-correct"));
  section.querySelectorAll(".t-verdict").forEach((v) => v.remove());
  section.querySelectorAll("fieldset.t-ask").forEach((fs) => delete fs.dataset.result);
}

function mountExercises(root) {
  if (root.dataset.mounted) return;
  root.dataset.mounted = "1";
  const d = root.dataset;
  const t = { right: d.tRight, wrong: d.tWrong, correct: d.tCorrect };
  const key = d.store;
  const cases = [...root.querySelectorAll("section.t-case")];
  let state = Object.assign({ current: 0, answers: {}, revealed: {} }, load(key));
  const progress = root.querySelector(".t-progress");

  // Navigation under each case: previous / position / next (real buttons, 44 px).
  cases.forEach((section, i) => {
    const nav = document.createElement("div");
    nav.className = "t-case-nav";
    const prev = document.createElement("button");
    prev.type = "button";
    prev.className = "md-button t-prev";
    prev.textContent = `‹ ${d.tPrevious}`;
    prev.disabled = i === 0;
    prev.addEventListener("click", () => show(i - 1, true));
    const next = document.createElement("button");
    next.type = "button";
    next.className = "md-button md-button--primary t-next";
    next.textContent = `${d.tNext} ›`;
    next.disabled = i === cases.length - 1;
    next.addEventListener("click", () => show(i + 1, true));
    nav.append(prev, next);
    section.append(nav);
  });

  function updateProgress() {
    const done = cases.filter((s) => state.revealed[s.dataset.case]).length;
    progress.textContent = `${d.tProgress}: ${done} ${d.tOf} ${cases.length}`;
  }

  function show(i, focus) {
    state.current = Math.max(0, Math.min(cases.length - 1, i));
    cases.forEach((s, j) => (s.hidden = j !== state.current));
    save(key, state);
    if (focus) {
      const h = cases[state.current].querySelector("h2");
      h.setAttribute("tabindex", "-1");
      h.focus();
    }
  }

  function restore() {
    cases.forEach((section) => {
      const id = section.dataset.case;
      const answers = state.answers[id] || {};
      section.querySelectorAll("input[type=radio]").forEach((input) => {
        const k = input.closest("fieldset").dataset.key;
        input.checked = answers[k] === input.value;
      });
      const details = section.querySelector("details.t-reveal");
      details.open = !!state.revealed[id];
      if (details.open) mark(section, t);
      else unmark(section);
    });
    updateProgress();
  }

  cases.forEach((section) => {
    const id = section.dataset.case;
    section.addEventListener("change", (ev) => {
      const input = ev.target;
      if (input.type !== "radio") return;
      const k = input.closest("fieldset").dataset.key;
      (state.answers[id] = state.answers[id] || {})[k] = input.value;
      save(key, state);
      if (state.revealed[id]) mark(section, t);
    });
    const details = section.querySelector("details.t-reveal");
    details.addEventListener("toggle", () => {
      if (details.open) {
        state.revealed[id] = true;
        mark(section, t);
      } else {
        delete state.revealed[id];
        unmark(section);
      }
      save(key, state);
      updateProgress();
    });
  });

  root.querySelector(".t-reset").addEventListener("click", () => {
    try {
      localStorage.removeItem(key);
    } catch (e) {
      /* nothing stored */
    }
    state = { current: 0, answers: {}, revealed: {} };
    restore();
    show(0, true);
    progress.textContent = `${d.tResetDone} ${progress.textContent}`;
  });

  // A link to one case (#case-id) opens that case.
  const fromHash = cases.findIndex((s) => `#${s.id}` === location.hash);
  root.classList.add("t-js");
  restore();
  show(fromHash >= 0 ? fromHash : state.current || 0, false);
}

// -- projector mode ---------------------------------------------------------------------------

let projectorKeys = null;

function mountProjector(deck) {
  if (deck.dataset.mounted) return;
  deck.dataset.mounted = "1";
  const slides = [...deck.querySelectorAll("section.t-slide")];
  const key = deck.dataset.store;
  let current = Math.min(load(key).current || 0, slides.length - 1);
  document.documentElement.classList.add("t-projecting");
  deck.classList.add("t-js");

  function show(i) {
    current = Math.max(0, Math.min(slides.length - 1, i));
    slides.forEach((s, j) => {
      s.hidden = j !== current;
      if (j !== current) s.querySelectorAll("details").forEach((x) => (x.open = false));
    });
    slides[current].scrollTop = 0;
    save(key, { current });
  }

  function reveal() {
    const details = slides[current].querySelector("details.t-slide-answer");
    if (details) {
      details.open = !details.open;
      if (details.open) details.scrollIntoView({ block: "start" });
    }
  }

  if (projectorKeys) document.removeEventListener("keydown", projectorKeys);
  projectorKeys = (ev) => {
    if (!document.body.contains(deck)) {
      document.removeEventListener("keydown", projectorKeys);
      document.documentElement.classList.remove("t-projecting");
      return;
    }
    if (ev.altKey || ev.ctrlKey || ev.metaKey) return;
    if (ev.key === "ArrowRight" || ev.key === " " || ev.key === "PageDown") {
      ev.preventDefault();
      show(current + 1);
    } else if (ev.key === "ArrowLeft" || ev.key === "PageUp") {
      ev.preventDefault();
      show(current - 1);
    } else if (ev.key === "ArrowDown" || ev.key === "ArrowUp") {
      ev.preventDefault(); // a long answer card scrolls inside its slide
      slides[current].scrollBy({ top: (ev.key === "ArrowDown" ? 1 : -1) * window.innerHeight * 0.4 });
    } else if (ev.key === "v" || ev.key === "V") {
      ev.preventDefault();
      reveal();
    } else if (ev.key === "Escape") {
      ev.preventDefault();
      save(key, { current });
      location.href = deck.dataset.leave;
    }
  };
  document.addEventListener("keydown", projectorKeys);
  show(current);
}

function mountAll() {
  if (!document.querySelector(".t-deck")) document.documentElement.classList.remove("t-projecting");
  document.querySelectorAll(".t-exercises").forEach(mountExercises);
  document.querySelectorAll(".t-deck").forEach(mountProjector);
}

if (window.document$) window.document$.subscribe(mountAll);
else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mountAll);
else mountAll();
