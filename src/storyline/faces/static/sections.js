// A brief's sentences in sections by phase, as the command line prints them (Python's
// brief/render.phase_runs): each headed by its phase's label ("February 2019"), "Earlier,
// ..." when a later phase is told above it, or "Undated"; one section, unheaded, without
// phases. Each item is [sentence, its index in brief.sentences].
"use strict";

function phaseSections(brief) {
  const phases = brief.phases || [];
  const sections = [];
  let latest = -1;
  brief.sentences.forEach((s, i) => {
    const phase = s.phase ?? null;  // (a brief cached before sentences had phases)
    const last = sections[sections.length - 1];
    if (last && (!phases.length || last.phase === phase)) { last.items.push([s, i]); return; }
    let label = null;
    if (phases.length) {
      const known = phase !== null && phases[phase];
      label = known ? (phase < latest ? "Earlier, " : "") + phases[phase].label : "Undated";
      if (known) latest = Math.max(latest, phase);
    }
    sections.push({ phase, label, items: [[s, i]] });
  });
  return sections;
}
