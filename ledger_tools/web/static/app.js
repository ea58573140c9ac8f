// ledger-tools web: the page. Plain JS, no build step, nothing fetched from other sites.
"use strict";

const settings = JSON.parse(document.querySelector('meta[name="ledger-settings"]').content);
const SEVERITY = { error: "错误", warning: "警告", note: "提示" };
let current = null; // the last analysis returned by the server
let shownSheet = null; // the sheet drawn in the grid (a ledger may be kept in several)
let chartKind = "status";

const $ = (sel) => document.querySelector(sel);

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "class") node.className = v;
    else if (k === "text") node.textContent = v;
    else node.setAttribute(k, v);
  }
  for (const c of children) node.append(c);
  return node;
}

function showMessage(text) {
  const box = $("#message");
  box.textContent = text || "";
  box.hidden = !text;
}

function busy(on) {
  $("#busy").hidden = !on;
  document.querySelectorAll("button").forEach((b) => { b.disabled = on; });
}

async function call(path, options) {
  const headers = Object.assign({ "X-Ledger-Token": settings.token }, options.headers || {});
  let response;
  try {
    response = await fetch(path, Object.assign({}, options, { headers }));
  } catch (e) {
    throw new Error("无法连接本机服务。请确认运行 ledger-tools web 的窗口没有关闭。");
  }
  if (!response.ok) {
    let message = `处理失败（${response.status}）。`;
    try { message = (await response.json()).error || message; } catch (e) { /* not JSON */ }
    throw new Error(message);
  }
  return response;
}

// ---- upload and check -------------------------------------------------------------------

async function upload(file) {
  showMessage("");
  if (file.size > settings.maxUpload) {
    showMessage(`文件太大（超过 ${Math.floor(settings.maxUpload / 1048576)} MB）。请确认选的是台账文件。`);
    return;
  }
  const form = new FormData();
  form.append("file", file, file.name);
  if ($("#today").value) form.append("today", $("#today").value);
  busy(true);
  try {
    const response = await call("/api/upload", { method: "POST", body: form });
    show(await response.json());
  } catch (e) {
    $("#result").hidden = true;
    showMessage(e.message);
  } finally {
    busy(false);
  }
}

async function recheck() {
  if (!current) return;
  busy(true);
  try {
    const response = await call("/api/check", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ id: current.id, today: $("#today").value || null }),
    });
    show(await response.json());
  } catch (e) {
    showMessage(e.message);
  } finally {
    busy(false);
  }
}

function show(result) {
  current = result;
  $("#result").hidden = false;
  drawVerdict(result);
  drawStats(result.stats);
  drawFindings(result);
  drawTabs(result);
  drawGrid(result, result.sheet);
}

// 2024-05-10 → 2024年5月10日, as check prints the date it checked at
function cnDate(iso) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || "");
  return m ? `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日` : iso;
}

function drawVerdict(r) {
  const box = $("#verdict");
  box.className = "card verdict " + (r.ok ? "ok" : "bad");
  box.replaceChildren(
    el("div", { class: "file", text: `${r.file}（${sheetsText(r)}，检查日期 ${cnDate(r.today)}）` }),
    el("div", { id: "verdict-text", text: r.verdict }),
    el("div", { class: "counts", text: r.totals_line }),
  );
}

// ---- statistics -------------------------------------------------------------------------

function drawStats(stats) {
  $("#stats-line").textContent = stats["统计句"] || "";
  const w = stats["预警"] || {};
  // counts that leave out rows whose status or deadline cannot be read: in 【】 with the
  // reason, as the statistics sentence and stats print them
  const doubt = (stats["存疑"] || {})["预警"];
  const n = (c) => (doubt ? `【${w[c] || 0}】` : `${w[c] || 0}`);
  const spans = [
    el("span", { class: "red", text: `红色预警 ${n("红色")} 项` }),
    el("span", { class: "yellow", text: `黄色预警 ${n("黄色")} 项` }),
    el("span", { class: "green", text: `绿色预警 ${n("绿色")} 项` }),
  ];
  if (doubt) spans.push(el("span", { class: "doubt", text: `（存疑：${doubt}）` }));
  $("#warnings").replaceChildren(...spans);
  drawChart();
}

function chartRows() {
  const stats = current.stats;
  if (chartKind === "status") {
    const rows = stats["按整改状态"] || [];
    const max = Math.max(1, ...rows.map((r) => r["问题数"]));
    return rows.map((r) => ({ label: r["整改状态"], value: r["问题数"] / max, text: `${r["问题数"]} 项` }));
  }
  const key = { 按方面: "方面", 按单位: "单位" }[chartKind] || "责任部门";
  return (stats[chartKind] || []).map((r) => {
    const total = r["口径"] === "措施" ? r["措施数"] : r["问题数"];
    return { label: r[key], value: total ? r["办结数"] / total : 0, text: r["办结率"] };
  });
}

function drawChart() {
  // 按单位 only for a ledger with a 单位 column (a merge's 汇总台账)
  const byUnit = document.querySelector("[data-chart='按单位']");
  byUnit.hidden = !current.units;
  if (byUnit.hidden && chartKind === "按单位") chartKind = "status";
  document.querySelectorAll(".chart-tabs button").forEach((b) => {
    b.classList.toggle("active", b.dataset.chart === chartKind);
  });
  const rows = chartRows();
  const ns = "http://www.w3.org/2000/svg";
  const labelWidth = 260, barWidth = 520, rowHeight = 26;
  const svg = document.createElementNS(ns, "svg");
  svg.setAttribute("width", labelWidth + barWidth + 80);
  svg.setAttribute("height", Math.max(rowHeight, rows.length * rowHeight + 6));
  svg.setAttribute("role", "img");
  rows.forEach((r, i) => {
    const y = i * rowHeight + 4;
    const label = document.createElementNS(ns, "text");
    label.setAttribute("x", labelWidth - 8);
    label.setAttribute("y", y + 15);
    label.setAttribute("text-anchor", "end");
    label.textContent = r.label.length > 20 ? r.label.slice(0, 19) + "…" : r.label;
    const bar = document.createElementNS(ns, "rect");
    bar.setAttribute("x", labelWidth);
    bar.setAttribute("y", y);
    bar.setAttribute("height", rowHeight - 8);
    bar.setAttribute("width", Math.max(1, r.value * barWidth));
    bar.setAttribute("fill", "#c62828");
    const value = document.createElementNS(ns, "text");
    value.setAttribute("x", labelWidth + r.value * barWidth + 6);
    value.setAttribute("y", y + 15);
    value.textContent = r.text;
    const title = document.createElementNS(ns, "title");
    title.textContent = `${r.label}：${r.text}`;
    bar.append(title);
    svg.append(label, bar, value);
  });
  $("#chart").replaceChildren(svg);
}

// ---- findings and the grid --------------------------------------------------------------

function drawFindings(r) {
  const body = $("#findings tbody");
  body.replaceChildren();
  $("#finding-count").textContent = `（${r.findings_total ?? r.findings.length} 条）`;
  if (!r.findings.length) {
    body.append(el("tr", {}, el("td", { colspan: "4", text: "没有发现问题。" })));
    return;
  }
  r.findings.forEach((f, i) => {
    const row = el(
      "tr",
      { "data-index": String(i) },
      el("td", { class: "loc", text: f.cell || f.sheet || "" }),
      el("td", {}, el("span", { class: "sev " + f.severity, text: SEVERITY[f.severity] || "" })),
      el("td", { text: r.rule_titles[f.rule] || "" }),
      el("td", { text: f.message }),
    );
    row.addEventListener("click", () => focusCell(f));
    body.append(row);
  });
}

function cellId(row, column) { return `cell-${column}${row}`; }

// Merged ranges drawn as one cell: anchors[key] = [rowspan, colspan]; covered[key] = anchor key.
let covered = {};
function mergedLayout(grid) {
  const anchors = {};
  covered = {};
  const lastRow = grid.rows.length, lastCol = grid.columns.length;
  for (const [r1, c1, r2, c2] of grid.merged) {
    if (r1 >= lastRow || c1 >= lastCol) continue;
    const top = `${grid.columns[c1]}${r1 + 1}`;
    anchors[top] = [Math.min(r2, lastRow - 1) - r1 + 1, Math.min(c2, lastCol - 1) - c1 + 1];
    for (let r = r1; r <= Math.min(r2, lastRow - 1); r++) {
      for (let c = c1; c <= Math.min(c2, lastCol - 1); c++) {
        if (r !== r1 || c !== c1) covered[`${grid.columns[c]}${r + 1}`] = top;
      }
    }
  }
  return anchors;
}

function sheetsText(r) {
  const names = r.sheets.map((s) => `“${s}”`);
  return names.length > 1 ? `工作表${names.join("、")}，共 ${names.length} 张` : `工作表${names[0]}`;
}

// One tab per sheet read, when the ledger is kept in several (one per 方面 or 科室).
function drawTabs(r) {
  const tabs = $("#sheet-tabs");
  tabs.hidden = r.sheets.length < 2;
  tabs.replaceChildren(...r.sheets.map((name) => {
    const marked = r.findings.filter((f) => f.sheet === name && f.row && f.severity !== "note").length;
    const tab = el("button", { type: "button", class: "tab", "data-sheet": name,
      text: marked ? `${name}（${marked}）` : name });
    tab.addEventListener("click", () => drawGrid(current, name));
    return tab;
  }));
}

function drawGrid(r, sheet) {
  const grid = r.grids[sheet];
  shownSheet = sheet;
  document.querySelectorAll("#sheet-tabs .tab").forEach((tab) =>
    tab.classList.toggle("active", tab.dataset.sheet === sheet));
  $("#sheet-name").textContent = `（工作表“${sheet}”）`;
  $("#grid-note").textContent = grid.truncated
    ? `台账较大，这里只显示前 ${grid.rows.length} 行（共 ${grid.total_rows} 行）；全部问题见上方列表和标注副本。`
    : "";
  const anchors = mergedLayout(grid);
  const marks = {};
  for (const f of r.findings) {
    if (f.sheet !== sheet || !f.row || !f.column || f.severity === "note") continue;
    const key = covered[`${f.column}${f.row}`] || `${f.column}${f.row}`;
    const mark = marks[key] || (marks[key] = { severity: "warning", lines: [] });
    if (f.severity === "error") mark.severity = "error";
    mark.lines.push(`【${SEVERITY[f.severity]}】${f.message}`);
  }
  const table = $("#grid");
  const head = el("tr", {}, el("th", { class: "rownum" }));
  grid.columns.forEach((c) => head.append(el("th", { text: c })));
  const rows = [el("thead", {}, head)];
  const body = el("tbody");
  grid.rows.forEach((cells, i) => {
    const excelRow = i + 1;
    const tr = el("tr", {}, el("td", { class: "rownum", text: String(excelRow) }));
    grid.columns.forEach((c, j) => {
      const key = `${c}${excelRow}`;
      if (covered[key]) return;
      const td = el("td", { id: cellId(excelRow, c), text: cells[j] || "" });
      if (anchors[key]) {
        td.rowSpan = anchors[key][0];
        td.colSpan = anchors[key][1];
        td.classList.add("merged");
      }
      const mark = marks[`${c}${excelRow}`];
      if (mark) {
        td.classList.add(mark.severity);
        td.title = mark.lines.join("\n");
      } else if (cells[j]) {
        td.title = cells[j];
      }
      tr.append(td);
    });
    body.append(tr);
  });
  rows.push(body);
  table.replaceChildren(...rows);
}

function focusCell(f) {
  document.querySelectorAll("#grid td.focus").forEach((td) => td.classList.remove("focus"));
  const grid = current.grids[f.sheet];
  if (!grid || !f.row) {
    showMessage(f.sheet && !grid
      ? `这一条在工作表“${f.sheet}”，请在 Excel/WPS 或标注副本中查看。`
      : "这一条不指向具体单元格。");
    return;
  }
  showMessage("");
  if (f.sheet !== shownSheet) drawGrid(current, f.sheet);
  const column = f.column || grid.columns[0];
  const key = covered[`${column}${f.row}`] || `${column}${f.row}`;
  const td = document.getElementById(`cell-${key}`);
  if (!td) {
    showMessage(`单元格 ${f.cell} 不在上面显示的范围内，请在标注副本中查看。`);
    return;
  }
  td.classList.add("focus");
  td.scrollIntoView({ block: "center", inline: "center" });
}

// ---- downloads --------------------------------------------------------------------------

async function download(what) {
  if (!current) return;
  showMessage("");
  busy(true);
  try {
    const response = await call("/api/download", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({
        id: current.id,
        what,
        today: $("#today").value || null,
        as_of: $("#as-of").value || null,
        force: $("#force").checked,
        pdf: $("#pdf").checked && what !== "marked",
      }),
    });
    const blob = await response.blob();
    const header = response.headers.get("Content-Disposition") || "";
    const match = header.match(/filename\*=UTF-8''([^;]+)/);
    const name = match ? decodeURIComponent(match[1]) : "下载";
    const link = el("a", { href: URL.createObjectURL(blob), download: name });
    document.body.append(link);
    link.click();
    setTimeout(() => { URL.revokeObjectURL(link.href); link.remove(); }, 60000);
  } catch (e) {
    showMessage(e.message);
  } finally {
    busy(false);
  }
}

// ---- wiring -----------------------------------------------------------------------------

function init() {
  const drop = $("#drop");
  $("#file").addEventListener("change", (e) => { if (e.target.files[0]) upload(e.target.files[0]); });
  drop.addEventListener("keydown", (e) => { if (e.key === "Enter" || e.key === " ") $("#file").click(); });
  ["dragenter", "dragover"].forEach((t) => drop.addEventListener(t, (e) => {
    e.preventDefault(); drop.classList.add("over");
  }));
  ["dragleave", "drop"].forEach((t) => drop.addEventListener(t, (e) => {
    e.preventDefault(); drop.classList.remove("over");
  }));
  drop.addEventListener("drop", (e) => { if (e.dataTransfer.files[0]) upload(e.dataTransfer.files[0]); });
  $("#today").addEventListener("change", recheck);
  document.querySelectorAll("[data-what]").forEach((b) => {
    b.addEventListener("click", () => download(b.dataset.what));
  });
  document.querySelectorAll("[data-chart]").forEach((b) => {
    b.addEventListener("click", () => { chartKind = b.dataset.chart; drawChart(); });
  });
  if (!settings.office) {
    $("#pdf").disabled = true;
    $("#pdf-label").title = "本机没有找到 LibreOffice，无法生成 PDF。可在 Word/WPS 中打开文稿后另存为 PDF。";
  }
}

init();
