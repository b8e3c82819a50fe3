// Loads UI workflows with native subgraphs (loki split -o X.subgraphs.json) in the real litegraph client and
// checks that every link, in the root graph and in every subgraph definition, sits on a real slot: a node's input
// slot that holds it and an output slot that lists it, or the subgraph's own input (-10) / output (-20) slots.
// Usage: node check-subgraphs.mjs FILE... ; prints one JSON line per file, exits 1 when any check fails.
import { readFileSync } from 'node:fs';
import { runChecks } from './check-files.mjs';
import { LGraph } from '@comfyorg/litegraph';

const INPUT_NODE = -10;
const OUTPUT_NODE = -20;

function checkGraph(label, graph, io, problems) {
  let links = 0;
  for (const link of graph.links.values()) {
    links++;
    if (link.origin_id === INPUT_NODE) {
      const slot = io?.inputs?.[link.origin_slot];
      if (!slot) problems.push(`${label} link ${link.id}: subgraph input ${link.origin_slot} does not exist`);
      else if (!(slot.linkIds ?? []).includes(link.id)) problems.push(`${label} link ${link.id}: subgraph input ${slot.name} does not list it`);
    } else {
      const origin = graph.getNodeById(link.origin_id);
      const output = origin?.outputs?.[link.origin_slot];
      if (!output || !(output.links ?? []).includes(link.id)) problems.push(`${label} link ${link.id}: output slot ${link.origin_slot} of ${link.origin_id} does not list it`);
    }
    if (link.target_id === OUTPUT_NODE) {
      const slot = io?.outputs?.[link.target_slot];
      if (!slot) problems.push(`${label} link ${link.id}: subgraph output ${link.target_slot} does not exist`);
    } else {
      const target = graph.getNodeById(link.target_id);
      const input = target?.inputs?.[link.target_slot];
      if (!input || input.link !== link.id) problems.push(`${label} link ${link.id}: input slot ${link.target_slot} of ${link.target_id} does not hold it`);
    }
  }
  for (const node of graph.nodes) {
    for (const input of node.inputs ?? []) {
      if (input.link != null && !graph.links.get(input.link)) problems.push(`${label} node ${node.id}: input ${input.name} holds unknown link ${input.link}`);
    }
  }
  return links;
}

function check(file) {
  const data = JSON.parse(readFileSync(file, 'utf8'));
  const problems = [];
  const graph = new LGraph();
  graph.configure(structuredClone(data));
  if (graph.nodes.length !== data.nodes.length) problems.push(`configured ${graph.nodes.length} nodes, file has ${data.nodes.length}`);
  let links = checkGraph('root', graph, null, problems);
  const definitions = data.definitions?.subgraphs ?? [];
  const subgraphs = [...(graph.subgraphs?.values() ?? [])];
  if (subgraphs.length !== definitions.length) problems.push(`configured ${subgraphs.length} subgraphs, file has ${definitions.length}`);
  for (const sub of subgraphs) {
    const def = definitions.find((d) => d.id === sub.id);
    if (sub.nodes.length !== (def?.nodes?.length ?? -1)) problems.push(`subgraph ${sub.id}: configured ${sub.nodes.length} nodes, file has ${def?.nodes?.length}`);
    links += checkGraph(`subgraph ${sub.name ?? sub.id}`, sub, sub, problems);
  }
  for (const node of graph.nodes) {
    const sub = graph.subgraphs?.get(node.type);
    if (sub && ((node.inputs?.length ?? 0) !== sub.inputs.length || (node.outputs?.length ?? 0) !== sub.outputs.length)) {
      problems.push(`instance ${node.id}: ${node.inputs?.length}/${node.outputs?.length} slots, its subgraph ${sub.inputs.length}/${sub.outputs.length}`);
    }
  }
  return { file, nodes: graph.nodes.length, subgraphs: subgraphs.length, links, problems };
}

runChecks(check);
