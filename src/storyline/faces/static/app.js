// The page of Storyline: collects articles and links, asks /v1/briefs, shows the brief.
// Article text is only ever inserted as text (textContent), never as HTML.
"use strict";

const $ = (id) => document.getElementById(id);

function addBox(container, kind) {
  const box = document.createElement(kind === "article" ? "textarea" : "input");
  if (kind === "article") {
    box.placeholder = "Paste an article's text (or its HTML)";
  } else {
    box.type = "url";
    box.placeholder = "https://...";
  }
  box.className = kind;
  box.setAttribute("aria-label", kind === "article" ? "Article text" : "Article link");
  container.appendChild(box);
  return box;
}

function element(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

function showError(message) {
  $("error").textContent = message;
  $("error").hidden = !message;
  if (message) $("error").scrollIntoView({ block: "center" });
}

// Offsets from the server count Unicode code points; JavaScript strings count UTF-16 units.
function slice(text, start, end) {
  return Array.from(text).slice(start, end).join("");
}

// `sources`: where a brief sentence, a timeline entry or a figure is told (each with its
// article, start, end and text)
function showEvidence(brief, sources) {
  const box = $("evidence");
  box.replaceChildren();
  const articles = Object.fromEntries(brief.articles.map((a) => [a.id, a]));
  for (const source of sources) {
    const article = articles[source.article];
    const view = element("div", undefined, "article");
    view.id = `evidence-${source.article}`;
    view.appendChild(element("h3", `[${source.article}] ${article.title || article.file || "Article " + source.article}`));
    const text = article.text || source.text;
    const start = article.text ? source.start : 0;
    const end = article.text ? source.end : Array.from(text).length;
    view.appendChild(document.createTextNode(slice(text, 0, start)));
    view.appendChild(element("mark", slice(text, start, end), "current"));
    view.appendChild(document.createTextNode(slice(text, end)));
    box.appendChild(view);
  }
  $("evidence-panel").open = true;
  const first = box.querySelector("mark");
  if (first) first.scrollIntoView({ block: "center", behavior: "smooth" });
}

// "Sept 2018" for a change's figure, as the command line writes it: months apart is what
// a reader compares, and an article's day would read as the day of the figure
const MONTHS = ["Jan", "Feb", "March", "April", "May", "June", "July", "Aug", "Sept", "Oct",
                "Nov", "Dec"];
function month(iso) {
  return iso ? `${MONTHS[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}` : "undated";
}

function press(marker, brief, sources) {
  document.querySelectorAll(".marker").forEach((m) => m.setAttribute("aria-pressed", "false"));
  marker.setAttribute("aria-pressed", "true");
  showEvidence(brief, sources);
}

// "[3]" for a source; in the brief (`shown`: its sentence's sources, all shown on a
// click) "[3*]" for one that states only part of the sentence
function sourceMarker(brief, source, shown) {
  const partial = shown !== undefined && source.support === "partial";
  const marker = element("button", `[${source.article}${partial ? "*" : ""}]`,
    partial ? "marker partial" : "marker");
  marker.type = "button";
  marker.setAttribute("aria-pressed", "false");
  marker.title = partial ? "This source states only part of the sentence: show it"
    : "Show the supporting sentences";
  marker.addEventListener("click", () => press(marker, brief, shown || [source]));
  return marker;
}

function render(brief) {
  const warnings = $("warnings");
  warnings.replaceChildren(...(brief.warnings || []).map((w) => element("li", w)));
  warnings.hidden = !warnings.children.length;
  const briefBox = $("brief");
  briefBox.replaceChildren();
  for (const section of phaseSections(brief)) {
    // each phase headed by its label ("Earlier, September 2018"), as the command line prints it
    if (section.label) briefBox.appendChild(element("h3", section.label, "phase"));
    for (const [sentence] of section.items) {
      const p = element("p", sentence.text + " ");
      for (const source of sentence.sources) p.appendChild(sourceMarker(brief, source, sentence.sources));
      briefBox.appendChild(p);
    }
  }
  const list = (box, items, describe) => {
    box.replaceChildren();
    if (!items.length) box.appendChild(element("li", "None found.", "empty"));
    for (const item of items) box.appendChild(describe(item));
  };
  list($("disagreements"), brief.disagreements, (d) => {
    const item = element("li");
    item.appendChild(element("strong", d.subject + ": "));
    d.figures.forEach((f, k) => {
      item.append(`${k ? " · " : ""}${f.figure} `, sourceMarker(brief, f));
    });
    const quotes = element("ul");
    for (const f of d.figures) quotes.appendChild(element("li", `[${f.article}] ${f.text}`, "quote"));
    item.appendChild(quotes);
    return item;
  });
  list($("changes"), brief.changes || [], (c) => {
    const item = element("li");
    item.appendChild(element("strong", c.subject + ": "));
    c.figures.forEach((f, k) => {
      item.append(`${k ? " → " : ""}${f.figure} (${month(f.date)}) `, sourceMarker(brief, f));
    });
    const quotes = element("ul");
    for (const f of c.figures) quotes.appendChild(element("li", `[${f.article}] ${f.text}`, "quote"));
    item.appendChild(quotes);
    return item;
  });
  list($("timeline"), brief.timeline, (e) => {
    const item = element("li");
    item.appendChild(element("time", e.date));
    item.append(` ${e.text} `, ...e.sources.map((c) => sourceMarker(brief, c)));
    return item;
  });
  // the articles the markers stand for, as the command line lists them
  $("sources").replaceChildren(element("h3", "Sources"), element("ol"));
  for (const a of brief.articles) {
    const item = element("li", `[${a.id}] ${a.title || a.file || "Article " + a.id}`);
    const about = [a.source, a.published].filter(Boolean).join(", ");
    if (about) item.appendChild(element("span", ` (${about})`, "meta"));
    $("sources").lastChild.appendChild(item);
  }
  $("evidence").replaceChildren(element("p", "Click a marker in the brief.", "empty"));
  $("result").hidden = false;
  $("result").scrollIntoView({ block: "start" });
}

async function submit(event) {
  event.preventDefault();
  showError("");
  $("result").hidden = true;  // (a brief of the articles asked before is no answer to these)
  const documents = [...document.querySelectorAll("textarea.article")].map((b) => b.value).filter((v) => v.trim());
  const urls = [...document.querySelectorAll("input.link")].map((b) => b.value.trim()).filter(Boolean);
  if (!documents.length && !urls.length) {
    showError("Paste at least one article or link.");
    return;
  }
  const button = $("submit");
  button.disabled = true;
  button.textContent = "Summarizing…";
  try {
    const response = await fetch("/v1/briefs", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({
        documents, urls, words: Number($("words").value) || 120, article_text: true,
        focus: $("focus").value.trim() || null,
      }),
    });
    const body = await response.json().catch(() => ({ error: `The server answered ${response.status}.` }));
    if (!response.ok) throw new Error(body.error || `The server answered ${response.status}.`);
    render(body);
  } catch (error) {
    showError(error.message || String(error));
  } finally {
    button.disabled = false;
    button.textContent = "Summarize";
  }
}

document.addEventListener("DOMContentLoaded", () => {
  for (let i = 0; i < 2; i++) addBox($("articles"), "article");
  addBox($("links"), "link");
  $("add-article").addEventListener("click", () => addBox($("articles"), "article").focus());
  $("add-link").addEventListener("click", () => addBox($("links"), "link").focus());
  $("input").addEventListener("submit", submit);
});
