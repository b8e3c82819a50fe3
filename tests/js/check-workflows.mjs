// Loads UI workflows with the real litegraph client (@comfyorg/litegraph, the graph library of the ComfyUI
// frontend) and checks what LOKI's API -> UI converter promises: the graph configures, every link joins the slots
// it names (links whose input takes another type are listed apart), serialising again gives the same links, and no two nodes overlap.
// Usage: node check-workflows.mjs FILE... ; prints one JSON line per file, exits 1 when any check fails.
import { readFileSync } from 'node:fs';
import { runChecks } from './check-files.mjs';
import { LGraph, LiteGraph } from '@comfyorg/litegraph';

function check(file) {
  const data = JSON.parse(readFileSync(file, 'utf8'));
  const problems = [];
  const typeMismatches = []; // links whose input takes another type: reported, the caller decides (the prompt may join them so)
  const graph = new LGraph();
  graph.configure(structuredClone(data));

  if (graph.nodes.length !== data.nodes.length) {
    problems.push(`configured ${graph.nodes.length} nodes, file has ${data.nodes.length}`);
  }

  for (const link of graph.links.values()) {
    const origin = graph.getNodeById(link.origin_id);
    const target = graph.getNodeById(link.target_id);
    if (!origin || !target) {
      problems.push(`link ${link.id}: missing ${origin ? 'target' : 'origin'} node`);
      continue;
    }
    const output = origin.outputs?.[link.origin_slot];
    const input = target.inputs?.[link.target_slot];
    if (!output || !(output.links ?? []).includes(link.id)) problems.push(`link ${link.id}: output slot ${link.origin_slot} of ${origin.id} does not list it`);
    if (!input || input.link !== link.id) problems.push(`link ${link.id}: input slot ${link.target_slot} of ${target.id} does not hold it`);
    if (output && !LiteGraph.isValidConnection(output.type, link.type)) problems.push(`link ${link.id}: output type ${output.type} vs link ${link.type}`);
    if (input && !LiteGraph.isValidConnection(link.type, input.type)) typeMismatches.push(link.id);
  }

  for (const node of graph.nodes) {
    for (const input of node.inputs ?? []) {
      if (input.link != null && !graph.links.get(input.link)) problems.push(`node ${node.id}: input ${input.name} holds unknown link ${input.link}`);
    }
  }

  const again = graph.serialize();
  const key = (l) => JSON.stringify(l.slice(0, 6));
  const before = data.links.map(key).sort();
  const after = again.links.map(key).sort();
  if (JSON.stringify(before) !== JSON.stringify(after)) problems.push('serialising again changes the links');

  // litegraph's own geometry: the bounding box includes the title bar above pos.
  const boxes = graph.nodes.map((n) => {
    const r = [0, 0, 0, 0];
    n.measure(r); // [x, y - title height, width, height + title height]
    return { id: n.id, r };
  });
  boxes.sort((a, b) => a.r[0] - b.r[0]);
  for (let i = 0; i < boxes.length; i++) {
    const a = boxes[i].r;
    for (let j = i + 1; j < boxes.length && boxes[j].r[0] < a[0] + a[2]; j++) {
      const b = boxes[j].r;
      if (a[0] < b[0] + b[2] && b[0] < a[0] + a[2] && a[1] < b[1] + b[3] && b[1] < a[1] + a[3]) {
        problems.push(`nodes ${boxes[i].id} and ${boxes[j].id} overlap`);
      }
    }
  }

  return { file, nodes: graph.nodes.length, links: graph.links.size, problems, typeMismatches };
}

runChecks(check);
