// Pantau's built-in dashboard: every KPI record (source "*") and alert arrives as a server-sent event;
// the page keeps the highest revision per brand, window and start, and redraws at most twice a second.
(function () {
  "use strict";
  var PALETTE = ["#2563eb", "#dc2626", "#16a34a", "#9333ea", "#ea580c", "#0891b2", "#ca8a04", "#db2777", "#4b5563", "#65a30d"];
  var kpis = {};          // window -> brand -> start -> record
  var alerts = new Map(); // id -> alert
  var groups = {};        // brand -> group
  var brandOrder = [];
  var selected = null;
  var charts = {};
  var dirty = false;

  function color(brand) { return PALETTE[brandOrder.indexOf(brand) % PALETTE.length]; }
  function fmt(v) {
    if (v === undefined || v === null) return "–";
    if (Math.abs(v) >= 1e6) return (v / 1e6).toFixed(1) + "M";
    if (Math.abs(v) >= 1e4) return (v / 1e3).toFixed(1) + "k";
    return String(v);
  }
  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function onKpi(r) {
    var w = kpis[r.window] || (kpis[r.window] = {});
    var b = w[r.brand] || (w[r.brand] = {});
    var old = b[r.start];
    if (old && old.revision >= r.revision) return;
    b[r.start] = r;
    if (brandOrder.indexOf(r.brand) < 0) { brandOrder.push(r.brand); brandOrder.sort(); }
    if (r.group) groups[r.brand] = r.group;
    schedule();
  }
  function onAlert(a) {
    var old = alerts.get(a.id);
    if (old && old.status === "resolved" && a.status !== "resolved") return;
    alerts.delete(a.id);
    alerts.set(a.id, a);
    schedule();
  }
  function schedule() {
    if (!dirty) { dirty = true; setTimeout(render, 300); }
  }

  function windows() {
    var order = { m: 60, h: 3600, d: 86400 };
    return Object.keys(kpis).sort(function (a, b) {
      return parseInt(a, 10) * order[a.slice(-1)] - parseInt(b, 10) * order[b.slice(-1)];
    });
  }
  function latest(brand) {
    var series = (kpis[selected] || {})[brand] || {};
    var starts = Object.keys(series).sort();
    return starts.length ? series[starts[starts.length - 1]] : null;
  }

  function renderWindows() {
    var box = document.getElementById("windows");
    var ws = windows();
    if (selected === null || ws.indexOf(selected) < 0) selected = ws.indexOf("5m") >= 0 ? "5m" : ws[0];
    box.textContent = "";
    ws.forEach(function (w) {
      var b = el("button", { "type": "button", "data-window": w, "aria-pressed": String(w === selected) }, w);
      b.addEventListener("click", function () { selected = w; destroyCharts(); schedule(); });
      box.appendChild(b);
    });
  }

  function renderBrands() {
    var box = document.getElementById("brands");
    box.textContent = "";
    var firing = new Set();
    alerts.forEach(function (a) { if (a.status === "firing") firing.add(a.brand); });
    brandOrder.forEach(function (brand) {
      var r = latest(brand);
      var card = el("article", { "class": "brand" + (firing.has(brand) ? " alerting" : ""), "data-brand": brand, "style": "--c:" + color(brand) });
      card.appendChild(el("h3", {}, brand));
      card.appendChild(el("div", { "class": "group" }, groups[brand] ? "group " + groups[brand] : "no group"));
      card.appendChild(el("div", { "class": "when" }, r ? selected + " from " + r.start.replace("T", " ").replace("Z", " UTC") : "no " + selected + " window yet"));
      var dl = el("dl");
      [["mentions", "Mentions", r && r.mentions], ["reach", "Reach", r && r.reach],
       ["engagement", "Engagement", r && r.engagement && r.engagement.total],
       ["net", "Net sentiment", r && r.sentiment ? r.sentiment.net : null],
       ["sov", "Share of voice", r && r.share_of_voice !== undefined ? Math.round(r.share_of_voice * 1000) / 10 + "%" : null],
       ["leads", "Leads", r && r.leads],
       ["copies", "Copies", r && r.copies],
       ["participation", "Employees posting", r && r.employee && r.employee.participation !== undefined
           ? Math.round(r.employee.participation * 1000) / 10 + "%" : null]]
        .forEach(function (k) {
          dl.appendChild(el("dt", {}, k[1]));
          var raw = k[2] === undefined || k[2] === null ? "" : String(k[2]);
          dl.appendChild(el("dd", { "data-kpi": k[0], "data-value": raw, "title": raw }, k[0] === "sov" || k[0] === "net" || k[0] === "participation" ? (raw || "–") : fmt(k[2])));
        });
      card.appendChild(dl);
      box.appendChild(card);
    });
  }

  function destroyCharts() {
    Object.keys(charts).forEach(function (k) { charts[k].u.destroy(); });
    charts = {};
  }
  function renderCharts() {
    var series = (kpis[selected] || {});
    var xs = new Set();
    brandOrder.forEach(function (b) { Object.keys(series[b] || {}).forEach(function (s) { xs.add(s); }); });
    var starts = Array.from(xs).sort();
    var x = starts.map(function (s) { return Date.parse(s) / 1000; });
    var metrics = {
      mentions: function (r) { return r.mentions; },
      reach: function (r) { return r.reach; },
      engagement: function (r) { return r.engagement ? r.engagement.total : null; },
      net: function (r) { return r.sentiment && r.sentiment.net !== undefined ? r.sentiment.net : null; }
    };
    var key = selected + "|" + brandOrder.join(",");
    Object.keys(metrics).forEach(function (m) {
      var data = [x].concat(brandOrder.map(function (b) {
        return starts.map(function (s) { var r = (series[b] || {})[s]; return r ? metrics[m](r) : null; });
      }));
      var box = document.getElementById("chart-" + m);
      var c = charts[m];
      if (c && c.key === key) { c.u.setData(data); return; }
      if (c) c.u.destroy();
      var opts = {
        width: Math.max(box.clientWidth, 300), height: 220,
        scales: { x: { time: true } },
        legend: { show: true },
        axes: [{}, { size: 56, values: function (u, vals) { return vals.map(function (v) { return m === "net" ? v : fmt(v); }); } }],
        series: [{}].concat(brandOrder.map(function (b) { return { label: b, stroke: color(b), width: 1.5, spanGaps: false }; }))
      };
      charts[m] = { key: key, u: new uPlot(opts, data, box) };
    });
  }

  function renderShareOfVoice() {
    var box = document.getElementById("sov");
    box.textContent = "";
    var byGroup = {};
    brandOrder.forEach(function (b) { if (groups[b]) (byGroup[groups[b]] = byGroup[groups[b]] || []).push(b); });
    Object.keys(byGroup).sort().forEach(function (g) {
      var div = el("div", { "class": "sov-group", "data-group": g });
      div.appendChild(el("h3", {}, g));
      byGroup[g].forEach(function (b) {
        var r = latest(b);
        var share = r && r.share_of_voice !== undefined ? r.share_of_voice : 0;
        var row = el("div", { "class": "sov-row", "style": "--c:" + color(b) });
        row.appendChild(el("span", {}, b));
        var bar = el("div", {});
        bar.appendChild(el("div", { "class": "sov-bar", "style": "width:" + Math.round(share * 100) + "%" }));
        row.appendChild(bar);
        row.appendChild(el("span", { "data-sov": b }, Math.round(share * 1000) / 10 + "%"));
        div.appendChild(row);
      });
      box.appendChild(div);
    });
  }

  function renderAlerts() {
    var box = document.getElementById("alerts");
    box.textContent = "";
    var list = Array.from(alerts.values()).sort(function (a, b) { return a.start < b.start ? 1 : a.start > b.start ? -1 : (a.id < b.id ? 1 : -1); });
    list.slice(0, 50).forEach(function (a) {
      var li = el("li", { "data-alert": a.id, "data-status": a.status });
      li.appendChild(el("span", { "class": "sev " + (a.status === "resolved" ? "resolved" : a.severity) }, a.status === "resolved" ? "resolved" : a.severity));
      li.appendChild(el("strong", {}, a.brand + " "));
      li.appendChild(el("span", {}, a.message + " (" + a.start.replace("T", " ").replace("Z", " UTC") + ")"));
      if (a.top_terms && a.top_terms.length) {
        var t = el("div", { "class": "terms" });
        a.top_terms.forEach(function (w) { t.appendChild(el("span", {}, w)); });
        li.appendChild(t);
      }
      if (a.sample_mentions && a.sample_mentions.length) {
        var ul = el("ul", { "class": "samples" });
        a.sample_mentions.slice(0, 2).forEach(function (m) { ul.appendChild(el("li", {}, m.text)); });
        li.appendChild(ul);
      }
      box.appendChild(li);
    });
    if (!list.length) box.appendChild(el("li", {}, "No alerts."));
  }

  function render() {
    dirty = false;
    renderWindows();
    renderBrands();
    renderCharts();
    renderShareOfVoice();
    renderAlerts();
    document.getElementById("status").textContent = "live · updated " + new Date().toLocaleTimeString();
  }

  var source = new EventSource("/events");
  source.addEventListener("kpi", function (e) { onKpi(JSON.parse(e.data)); });
  source.addEventListener("alert", function (e) { onAlert(JSON.parse(e.data)); });
  source.addEventListener("ready", function () { schedule(); });
  source.onerror = function () { document.getElementById("status").textContent = "reconnecting…"; };
  window.addEventListener("resize", function () { destroyCharts(); schedule(); });
})();
