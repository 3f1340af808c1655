// The page script of every kg view. Input text is put on screen only as text:
// textContent here, and plain-string tooltips, which vis-network 9 renders as text.
// `nodes`, `edges` and `network` stay page globals, as in Pyvis pages.
"use strict";
var kgData = JSON.parse(document.getElementById("kg-data").textContent);
var kgSettledMs = null; // milliseconds from navigation to a frozen layout
var DIMMED = "rgba(190, 190, 190, 0.35)";

function styleOf(kind) { return kgData.styles[kind] || kgData.styles[""]; }

function tooltip(node) {
  var lines = [node.kind === "Paper" ? kgData.papers[node.id].title : node.label];
  if (node.kind === "Paper") {
    lines.push("Paper · " + node.count + " entities");
    return lines.join("\n");
  }
  lines.push((node.kind || "Entity") + " · " + node.count + (node.count === 1 ? " paper" : " papers"));
  if (node.aliases.length) lines.push("also: " + node.aliases.slice(0, 6).join(", "));
  node.top.slice(0, 3).forEach(function (paper) { lines.push("• " + kgData.papers[paper].title); });
  return lines.join("\n");
}

var baseColor = {};
var nodes = new vis.DataSet(kgData.nodes.map(function (node) {
  var style = styleOf(node.kind);
  baseColor[node.id] = node.color || style.color;
  return Object.assign({}, node, {color: baseColor[node.id], shape: style.shape, title: tooltip(node)});
}));
var undirected = new Set(kgData.undirected);
var edges = new vis.DataSet(kgData.edges.map(function (edge) {
  return Object.assign({}, edge, {
    title: edge.rel + " · " + edge.value,
    arrows: undirected.has(edge.rel) ? {to: {enabled: false}} : undefined,
    dashes: undirected.has(edge.rel),
  });
}));
var network = new vis.Network(
  document.getElementById("mynetwork"), {nodes: nodes, edges: edges}, kgData.options
);

function settle() {
  if (kgSettledMs !== null) return;
  network.setOptions({physics: false});
  kgSettledMs = performance.now();
  document.body.dataset.settled = "true";
  if (kgData.focus) focusNode(kgData.focus, false);
}
if (kgData.options.physics.enabled) network.once("stabilizationIterationsDone", settle);
else network.once("afterDrawing", settle);

// Click: light up a node and its neighbours, dim the rest.
function highlight(id) {
  var keep = id === null ? null : new Set([id].concat(network.getConnectedNodes(id)));
  nodes.update(kgData.nodes.map(function (node) {
    var lit = keep === null || keep.has(node.id);
    return {id: node.id, color: lit ? baseColor[node.id] : DIMMED, font: {color: lit ? "#222" : "#bbb"}};
  }));
}

function element(tag, text) {
  var made = document.createElement(tag);
  if (text !== undefined) made.textContent = text;
  return made;
}

function link(name, url) {
  if (!/^https?:\/\//i.test(url)) return element("span", name);
  var anchor = element("a", name);
  anchor.href = url;
  anchor.target = "_blank";
  anchor.rel = "noopener noreferrer";
  return anchor;
}

function paperItem(paper) {
  var item = element("li", kgData.papers[paper].title);
  kgData.papers[paper].links.forEach(function (pair) { item.appendChild(link(pair[0], pair[1])); });
  return item;
}

function list(heading, items) {
  var panel = document.getElementById("details");
  if (!items.length) return;
  panel.appendChild(element("h3", heading));
  var ul = element("ul");
  items.forEach(function (item) { ul.appendChild(item); });
  panel.appendChild(ul);
}

function showDetails(id) {
  var node = nodes.get(id);
  var panel = document.getElementById("details");
  panel.replaceChildren();
  var close = element("button", "×");
  close.className = "close";
  close.title = "close";
  close.addEventListener("click", function () { panel.hidden = true; });
  panel.appendChild(close);
  panel.appendChild(element("h2", node.kind === "Paper" ? kgData.papers[id].title : node.label));
  if (node.kind === "Paper") {
    panel.appendChild(element("p", "Paper · " + node.count + " entities"));
    var links = element("p");
    kgData.papers[id].links.forEach(function (pair) { links.appendChild(link(pair[0], pair[1])); });
    panel.appendChild(links);
  } else {
    panel.appendChild(element("p", node.kind + " · " + node.count + (node.count === 1 ? " paper" : " papers")));
    list("Also called", node.aliases.map(function (alias) { return element("li", alias); }));
    list("Elsewhere", node.ext.map(function (pair) {
      var item = element("li");
      item.appendChild(link(pair[0], pair[1]));
      return item;
    }));
    list("Top papers", node.top.map(paperItem));
  }
  var listed = new Set(node.top || []);
  var linked = network.getConnectedNodes(id).filter(function (other) { return !listed.has(other); });
  list("Also linked on this page", linked.map(function (other) {
    var near = nodes.get(other);
    return element("li", near.kind === "Paper" ? kgData.papers[other].title : near.label + " (" + near.kind + ")");
  }));
  panel.hidden = false;
}

function focusNode(id, animate) {
  network.selectNodes([id]);
  highlight(id);
  showDetails(id);
  network.focus(id, {scale: Math.max(network.getScale(), 1.0), animation: animate ? {duration: 400} : false});
}

network.on("click", function (params) {
  if (params.nodes.length) {
    highlight(params.nodes[0]);
    showDetails(params.nodes[0]);
  } else {
    highlight(null);
    document.getElementById("details").hidden = true;
  }
});

// Search: any name of a node, exact first, then the start of a name, then any part.
function normal(text) { return text.toLowerCase().split(/\s+/).filter(Boolean).join(" "); }
var names = [];
kgData.nodes.forEach(function (node) {
  var own = node.kind === "Paper" ? [kgData.papers[node.id].title] : [node.label].concat(node.aliases);
  own.forEach(function (name) { names.push({key: normal(name), id: node.id, count: node.count, name: name}); });
});
names.sort(function (a, b) { return b.count - a.count; });
var datalist = document.getElementById("names");
var inDatalist = new Set();
names.forEach(function (entry) {
  if (inDatalist.has(entry.name)) return;
  inDatalist.add(entry.name);
  var option = element("option");
  option.value = entry.name;
  datalist.appendChild(option);
});

function findNode(query) {
  var key = normal(query);
  if (!key) return null;
  var tests = [
    function (entry) { return entry.key === key; },
    function (entry) { return entry.key.startsWith(key); },
    function (entry) { return entry.key.includes(key); },
  ];
  for (var i = 0; i < tests.length; i++) {
    var hit = names.find(function (entry) { return tests[i](entry) && !nodes.get(entry.id).hidden; });
    if (hit) return hit.id;
  }
  return null;
}

var statusLine = document.getElementById("status");
document.getElementById("search").addEventListener("submit", function (event) {
  event.preventDefault();
  var query = document.getElementById("search-box").value;
  var id = findNode(query);
  statusLine.textContent = id === null && query.trim() ? "nothing shown is called “" + query.trim() + "”" : "";
  if (id !== null) focusNode(id, true);
});

// Filters: by type, and by the number of papers an entity is in.
var kinds = Array.from(new Set(kgData.nodes.map(function (node) { return node.kind; }))).sort();
var shownKinds = new Set(kinds);
var typeBox = document.getElementById("types");
kinds.forEach(function (kind) {
  var label = element("label");
  var box = element("input");
  box.type = "checkbox";
  box.checked = true;
  box.value = kind;
  box.addEventListener("change", function () {
    if (box.checked) shownKinds.add(kind); else shownKinds.delete(kind);
    applyFilters();
  });
  label.appendChild(box);
  if (!kgData.recoloured) { // where colours mean something else (communities), the legend says what
    var swatch = element("i");
    swatch.style.background = styleOf(kind).color;
    label.appendChild(swatch);
  }
  label.appendChild(document.createTextNode(kind || "other"));
  typeBox.appendChild(label);
});
var minPapers = document.getElementById("min-papers");
minPapers.addEventListener("input", applyFilters);

function applyFilters() {
  var least = Number(minPapers.value) || 0;
  nodes.update(kgData.nodes.map(function (node) {
    var hidden = !shownKinds.has(node.kind) || (node.kind !== "Paper" && node.count < least);
    return {id: node.id, hidden: hidden};
  }));
}
