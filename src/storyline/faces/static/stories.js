// The stories page: the front page (GET /v1/stories) and a story (GET /v1/stories/{id}).
// Article text is only ever inserted as text (textContent), never as HTML.
"use strict";

const $ = (id) => document.getElementById(id);
let nextOffset = 0;

function el(tag, text, cls) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = text;
  if (cls) node.className = cls;
  return node;
}

function showError(message) {
  $("error").textContent = message;
  $("error").hidden = false;
}

async function getJSON(url) {
  const response = await fetch(url);
  const data = await response.json().catch(() => ({ error: `the server answered ${response.status}` }));
  if (!response.ok) throw new Error(data.error || `the server answered ${response.status}`);
  return data;
}

function dates(s) {
  const span = [...new Set([s.first_date, s.last_date].filter(Boolean))].join(" to ");
  const copies = s.size - s.sources;
  return [`${s.sources} source${s.sources === 1 ? "" : "s"}`, copies ? `${copies} ${copies === 1 ? "copy" : "copies"}` : "",
          span, s.closed ? "closed" : ""].filter(Boolean).join(" · ");
}

async function loadFront() {
  $("front").hidden = false;
  $("story").hidden = true;
  const data = await getJSON(`/v1/stories?limit=30&offset=${nextOffset}`).catch((e) => {
    throw e.message === "Not Found"
      ? new Error("This server has no story store: start it with `storyline serve --db PATH`.")
      : e;
  });
  for (const s of data.stories) {
    const item = el("li");
    const link = el("a", s.title);
    link.href = `#story-${s.id}`;
    item.append(link, el("p", dates(s), "meta"));
    $("story-list").append(item);
  }
  if (!data.stories.length && nextOffset === 0) {
    $("story-list").append(el("li", "No stories yet: add articles with `storyline stories add`."));
  }
  nextOffset = data.next;
  $("more").hidden = data.next === null;
}

// The brief as the command line prints it: its sentences in sections by phase ("October
// 2011: …", "Earlier, March–April 2011: …"), a partial source marked [3*].
function sentences(container, brief, evidence, fresh = new Set()) {
  container.replaceChildren();
  if (!brief) return;
  if (brief.error) { container.append(el("p", brief.error, "meta")); return; }
  if (!brief.sentences.length) { container.append(el("p", "Nothing new.", "meta")); return; }
  for (const section of phaseSections(brief)) {
    const p = el("p");
    if (section.label) p.append(el("strong", `${section.label}: `, "phase"));
    for (const [s] of section.items) {
      if (fresh.has(s.text)) p.append(el("span", "new", "fresh"), " ");
      p.append(s.text + " ");
      for (const source of s.sources) p.append(sourceMarker(source, evidence, true));
      p.append(" ");
    }
    container.append(p);
  }
  if (brief.sentences.some((s) => s.sources.some((c) => c.support === "partial"))) {
    container.append(el("p", "* the source states only part of the sentence", "meta"));
  }
}

// "[3]" for a source; in a brief (`starred`) "[3*]" for one that states only part of
// the sentence
function sourceMarker(source, articles, starred = false) {
  const partial = starred && source.support === "partial";
  const marker = el("button", `[${source.article}${partial ? "*" : ""}]`, partial ? "marker partial" : "marker");
  marker.type = "button";
  marker.title = partial ? "This source states only part of the sentence: show it" : "Show where it is reported";
  marker.setAttribute("aria-pressed", "false");
  marker.addEventListener("click", () => showEvidence(marker, source, articles));
  return marker;
}

function showEvidence(marker, source, articles) {
  document.querySelectorAll(".marker[aria-pressed=true]").forEach((m) => m.setAttribute("aria-pressed", "false"));
  marker.setAttribute("aria-pressed", "true");
  const article = articles.find((a) => String(a.n) === String(source.article));
  const box = $("story-evidence");
  box.replaceChildren(el("p", `[${source.article}] ${article ? label(article) : ""}`, "meta"),
                      el("blockquote", source.text));
  $("evidence-section").hidden = false;
  $("evidence-section").scrollIntoView({ block: "nearest" });
}

// an article's label, linked to its page when it has a web address (a feed may say
// javascript:, which is not linked)
function linked(a, text) {
  if (!(a.url && /^https?:\/\//i.test(a.url))) return text;
  const link = el("a", text);
  link.href = a.url;
  link.rel = "noopener noreferrer";
  return link;
}

function label(a) {
  return [a.title || a.id, a.source, a.published].filter(Boolean).join(" · ");
}

async function loadStory(id) {
  $("front").hidden = true;
  $("story").hidden = false;
  $("story-title").textContent = "Loading …";
  let data;
  try {
    data = await getJSON(`/v1/stories/${encodeURIComponent(id)}`);
  } catch (e) {  // (not an empty page under "Loading …": the stories, and why, above them)
    $("story").hidden = true;
    if (!$("story-list").children.length) await loadFront().catch(() => {});
    $("front").hidden = false;
    throw e;
  }
  const brief = data.brief;
  $("story-title").textContent = data.story.title;
  $("story-meta").textContent = dates(data.story);
  // what is new since the previous brief: the brief's lines that only articles added
  // since state (in full) are marked "new", and of what is new only the lines the brief
  // does not tell are listed below it (a reader reads nothing twice)
  const since = data.previous && data.previous.made;
  const added = Object.fromEntries(data.articles.map((a) => [String(a.n), a.added]));
  const fresh = (s) => {
    const full = s.sources.filter((c) => c.support === "full");
    return since && full.length && full.every((c) => added[String(c.article)] > since);
  };
  const told = new Set(brief.sentences.map((s) => s.text));
  const news = data.new && !data.new.error ? data.new.sentences : [];
  sentences($("story-brief"), brief, data.articles,
            new Set(brief.sentences.filter(fresh).map((s) => s.text)));
  $("new-section").hidden = data.new === null;
  if (data.new !== null) {
    const then = data.previous.articles;
    $("new-title").textContent = `What is new since the previous brief (${then} article${then === 1 ? "" : "s"} then)`;
    const rest = news.filter((s) => !told.has(s.text));
    if (news.length && !rest.length) {
      $("story-new").replaceChildren(el("p", "All of it is in the brief above.", "meta"));
    } else {
      sentences($("story-new"), data.new.error ? data.new : {...data.new, sentences: rest},
                data.articles);
    }
  }
  $("evidence-section").hidden = true;
  // the story's key dates; without any (no day-precise date, or a brief cached before
  // they were made), every dated statement of the brief
  const timeline = data.timeline && data.timeline.length
    ? data.timeline.flatMap((d) => d.sentences.map((s) => ({date: d.date, ...s})))
    : (brief.timeline || []);
  $("timeline-section").hidden = !timeline.length;
  $("story-timeline").replaceChildren(...timeline.map((e) => {
    const item = el("li");
    const seen = new Set();  // (one marker an article)
    item.append(el("span", e.date, "date"), e.text + " ", ...e.sources
      .filter((c) => !seen.has(c.article) && seen.add(c.article))
      .map((c) => sourceMarker(c, data.articles)));
    return item;
  }));
  // each figure with a marker for its source: "up to 600 [3]; then ..."
  const figures = (item, list, joint) => list.forEach((f, k) => {
    item.append(`${k ? joint : ""}${f.figure} `, sourceMarker(f, data.articles));
  });
  const disagreements = brief.disagreements || [];
  $("disagreements-section").hidden = !disagreements.length;
  // each figure's sentence under it, as the brief's page shows them
  const said = (item, list) => {
    const box = el("ul");
    for (const f of list) box.append(el("li", `[${f.article}] ${f.text}`, "quote"));
    item.append(box);
  };
  $("story-disagreements").replaceChildren(...disagreements.map((d) => {
    const item = el("li", `${d.subject}: `);
    figures(item, d.figures, "; ");
    said(item, d.figures);
    return item;
  }));
  const changes = brief.changes || [];
  $("changes-section").hidden = !changes.length;
  $("story-changes").replaceChildren(...changes.map((c) => {
    const item = el("li", `${c.subject}: `);
    figures(item, c.figures, "; then ");
    said(item, c.figures);
    return item;
  }));
  $("story-sources").replaceChildren(...data.articles.map((a) => {
    const item = el("li");
    item.value = a.n;
    item.append(linked(a, label(a)));
    for (const c of a.copies) {
      const copy = el("div", "copy: ", "copies");
      copy.append(linked(c, label(c)));
      item.append(copy);
    }
    return item;
  }));
  // what the brief warns of is for the editor, not the story's reader: last
  const notes = [...new Set([...(brief.warnings || []), ...((data.new && data.new.warnings) || [])])];
  $("notes-section").hidden = !notes.length;
  $("story-notes").replaceChildren(...notes.map((w) => el("li", w)));
  window.scrollTo(0, 0);
}

function route() {
  $("error").hidden = true;
  const match = location.hash.match(/^#story-(\d+)$/);
  const work = match ? loadStory(match[1]) : (nextOffset === 0 && !$("story-list").children.length ? loadFront() : Promise.resolve(($("front").hidden = false, $("story").hidden = true)));
  work.catch((e) => showError(e.message));
}

document.addEventListener("DOMContentLoaded", () => {
  $("more").addEventListener("click", () => loadFront().catch((e) => showError(e.message)));
  window.addEventListener("hashchange", route);
  route();
});
