// The stance graph: actors as nodes (by name), one arrow per directed pair of the summary,
// coloured by its mean stance (red hostile, grey neutral, green friendly) and as thick as the
// number of articles behind it. Drawn with Cytoscape.js (MIT), which the service serves from its
// own node_modules (/vendor/cytoscape.min.js): no CDN, the page works offline.

const NEGATIVE = [180, 35, 24];
const NEUTRAL = [152, 162, 179];
const POSITIVE = [6, 118, 71];

/** The colour of a mean in [-1, 1]: grey at 0, full red or green at ±0.6 and beyond. */
export function stanceColour(mean) {
  const t = Math.min(1, Math.abs(mean) / 0.6);
  const to = mean < 0 ? NEGATIVE : POSITIVE;
  const rgb = NEUTRAL.map((c, i) => Math.round(c + (to[i] - c) * t));
  return `rgb(${rgb.join(',')})`;
}

export function createGraph(container, { onEdge, onNode }) {
  let cy = null;

  function draw(pairs) {
    const nodes = new Map();
    for (const p of pairs) {
      nodes.set(p.source.id, p.source.name);
      nodes.set(p.target.id, p.target.name);
    }
    const elements = [
      ...[...nodes].map(([id, name]) => ({ data: { id, label: name } })),
      ...pairs.map((p, i) => ({
        data: {
          id: `pair-${i}`,
          source: p.source.id,
          target: p.target.id,
          colour: stanceColour(p.mean),
          width: 1.5 + 2.5 * Math.log2(1 + p.articles),
          pair: i,
        },
      })),
    ];
    cy?.destroy();
    container.replaceChildren();
    if (!pairs.length) {
      container.classList.add('empty');
      container.textContent = 'No actor pairs to draw for these filters.';
      return;
    }
    container.classList.remove('empty');
    cy = window.cytoscape({
      container,
      elements,
      wheelSensitivity: 0.3,
      style: [
        { selector: 'node', style: {
          label: 'data(label)', 'font-size': 11, 'text-wrap': 'wrap', 'text-max-width': 110, 'text-valign': 'bottom',
          'text-margin-y': 4, width: 18, height: 18, 'background-color': '#2456c7', color: '#1d2330',
          'text-background-color': '#ffffff', 'text-background-opacity': 0.8, 'text-background-padding': 1,
        } },
        { selector: 'edge', style: {
          width: 'data(width)', 'line-color': 'data(colour)', 'target-arrow-color': 'data(colour)',
          'target-arrow-shape': 'triangle', 'curve-style': 'bezier', 'arrow-scale': 1.1, opacity: 0.85,
        } },
        { selector: ':selected', style: { 'overlay-color': '#2456c7', 'overlay-opacity': 0.2, 'overlay-padding': 4 } },
      ],
      layout: pairs.length > 1
        ? { name: 'cose', animate: false, randomize: true, nodeRepulsion: () => 400000, idealEdgeLength: () => 120,
          nodeOverlap: 40, gravity: 0.4, numIter: 1500, componentSpacing: 80, padding: 30 }
        : { name: 'circle', padding: 40 },
    });
    cy.on('tap', 'edge', (event) => onEdge(pairs[event.target.data('pair')]));
    cy.on('tap', 'node', (event) => onNode(event.target.id(), event.target.data('label')));
  }

  return {
    draw,
    /** What is drawn, for tests and the status line. */
    counts: () => (cy ? { nodes: cy.nodes().length, edges: cy.edges().length } : { nodes: 0, edges: 0 }),
    /** Where an element is on the page (tests click it). */
    positionOf(id) {
      const element = cy?.getElementById(id);
      if (!element || element.empty()) return null;
      const box = container.getBoundingClientRect();
      const p = element.isNode() ? element.renderedPosition() : element.renderedMidpoint();
      return { x: box.left + p.x, y: box.top + p.y };
    },
    /** The arrow whose middle is farthest from every actor (tests click it). */
    clearestEdge() {
      if (!cy) return null;
      const nodes = cy.nodes().map((n) => n.renderedPosition());
      let best = null;
      let bestDistance = -1;
      cy.edges().forEach((edge) => {
        const m = edge.renderedMidpoint();
        const distance = Math.min(...nodes.map((p) => Math.hypot(p.x - m.x, p.y - m.y)));
        if (distance > bestDistance) [best, bestDistance] = [edge.id(), distance];
      });
      return best;
    },
    resize: () => cy?.resize(),
  };
}
