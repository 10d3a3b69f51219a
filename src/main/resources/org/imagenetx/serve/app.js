'use strict';
// imagenetx explorer: one static script, no external resources. Views are built with DOM calls
// (never innerHTML), so model names cannot inject markup and the page satisfies a strict CSP.
(function () {
  const state = { info: null, etype: 'class', matrix: null, sortCol: null, sortAsc: true, limit: 200, filter: '' };
  const view = document.getElementById('view');
  const SVGNS = 'http://www.w3.org/2000/svg';

  function h(tag, attrs, ...children) {
    const el = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === 'text') el.textContent = v;
      else if (k.startsWith('on')) el.addEventListener(k.substring(2), v);
      else el.setAttribute(k, v);
    }
    for (const c of children) if (c != null) el.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
    return el;
  }
  function s(tag, attrs) {
    const el = document.createElementNS(SVGNS, tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === 'text') el.textContent = v; else el.setAttribute(k, v);
    }
    return el;
  }
  function fmt(v) { return v == null ? '' : v.toFixed(4); }
  function num(v, col) {
    const td = h('td', { text: fmt(v) });
    if (v != null) td.setAttribute('data-value', String(v));
    if (col) td.setAttribute('data-col', col);
    return td;
  }
  function heat(v) {
    if (v == null) return '#ffffff';
    const t = Math.max(-1, Math.min(1, Math.log2(v)));
    const a = Math.round(255 - Math.abs(t) * 150);
    return t > 0 ? `rgb(255,${a},${a})` : `rgb(${a},${a},255)`;
  }
  function heatCell(v, col) { const td = num(v, col); td.style.background = heat(v); return td; }
  // evaluation/SmallCells: fewer than min_images images or min_errors errors; the value keeps its
  // cell, the n goes beside it, greyed
  function isSmall(n, errors) {
    const r = state.info.small_cells;
    return n < r.min_images || errors < r.min_errors;
  }
  // small: the engine's flag (show's n and small), else the rule applied to the counts
  function markSmall(td, n, errors, small) {
    if (n == null || !(small != null ? small : isSmall(n, errors))) return td;
    td.classList.add('small');
    td.setAttribute('data-n', String(n));
    td.appendChild(h('span', { class: 'n', text: ' n=' + n }));
    return td;
  }
  function imagesLink(expr, models, text) {
    return h('a', { href: '#/images/' + encodeURIComponent(expr) + '/0/' + encodeURIComponent(models || ''), text: text });
  }
  function quote(v) { return /^[^\s()"'@]+$/.test(v) ? v : (v.includes('"') ? "'" + v + "'" : '"' + v + '"'); }
  function link(model) { return h('a', { href: '#/model/' + encodeURIComponent(model), text: model }); }

  async function api(path, params) {
    const q = new URLSearchParams(Object.assign({ error_type: state.etype }, params || {}));
    const r = await fetch('/api/' + path + '?' + q.toString());
    const body = await r.json();
    if (!r.ok) throw new Error(body.error || ('HTTP ' + r.status));
    return body;
  }
  function showError(e) {
    view.replaceChildren(h('p', { class: 'error', id: 'error', text: e.message }));
  }

  // ---- heatmap ------------------------------------------------------------------------------
  async function heatmap() {
    if (!state.matrix || state.matrix.type !== state.etype) state.matrix = await api('matrix');
    const m = state.matrix;
    const factors = state.info.factors;
    const cols = ['average'].concat(factors);
    const rows = m.models.map((name, i) => ({ name, average: m.average[i], er: m.error_ratio[i] }));
    const value = (r, c) => c === 'average' ? r.average : r.er[factors.indexOf(c)];
    if (state.sortCol) {
      const dir = state.sortAsc ? 1 : -1;
      rows.sort((a, b) => {
        const x = value(a, state.sortCol), y = value(b, state.sortCol);
        if (x == null || y == null) return (x == null) - (y == null);
        return x !== y ? dir * (x - y) : (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
      });
    }
    const filtered = rows.filter(r => r.name.toLowerCase().includes(state.filter.toLowerCase()));
    const shown = state.limit > 0 ? filtered.slice(0, state.limit) : filtered;
    const head = h('tr', {}, h('th', { class: 'name', text: 'model' }));
    for (const c of cols) {
      const th = h('th', { class: 'sortable' + (state.sortCol === c ? ' sorted' : ''), 'data-col': c,
        text: c + (state.sortCol === c ? (state.sortAsc ? ' ▲' : ' ▼') : ''),
        onclick: () => {
          if (state.sortCol === c) state.sortAsc = !state.sortAsc;
          else { state.sortCol = c; state.sortAsc = c !== 'average'; }
          render();
        } });
      head.appendChild(th);
    }
    const body = h('tbody', {});
    for (const r of shown) {
      const tr = h('tr', { 'data-model': r.name }, h('td', { class: 'name' }, link(r.name)));
      tr.appendChild(num(r.average, 'average'));
      factors.forEach((f, i) => tr.appendChild(heatCell(r.er[i], f)));
      body.appendChild(tr);
    }
    const filter = h('input', { type: 'search', id: 'filter', placeholder: 'filter models', value: state.filter });
    filter.addEventListener('change', () => { state.filter = filter.value; render(); });
    const limit = h('select', { id: 'limit' });
    for (const n of [50, 200, 1000, 0]) {
      const o = h('option', { value: String(n), text: n === 0 ? 'all' : String(n) });
      if (n === state.limit) o.selected = true;
      limit.appendChild(o);
    }
    limit.addEventListener('change', () => { state.limit = Number(limit.value); render(); });
    view.replaceChildren(
      h('h2', { text: 'Error ratio per factor (' + state.etype + ')' }),
      h('div', { class: 'controls' }, filter, h('label', {}, 'rows ', limit),
        h('span', { class: 'note', id: 'count', text: `${shown.length} of ${filtered.length} models; click a column to sort` })),
      h('div', { class: 'scroll' }, h('table', { id: 'heatmap' }, h('thead', {}, head), body)));
  }

  // ---- model page ----------------------------------------------------------------------------
  function barChart(labels, series, names) {
    const w = 720, bar = 14, gap = 6, left = 120, top = 24;
    const group = series.length * bar + gap;
    const hgt = top + labels.length * group + 20;
    let max = 1;
    for (const ser of series) for (const v of ser) if (v != null && isFinite(v)) max = Math.max(max, v);
    const scale = (w - left - 60) / max;
    const svg = s('svg', { width: w, height: hgt, viewBox: `0 0 ${w} ${hgt}`, role: 'img', class: 'chart' });
    const colors = ['#0072B2', '#E69F00'];
    names.forEach((n, k) => {
      svg.appendChild(s('rect', { x: left + k * 160, y: 4, width: 10, height: 10, fill: colors[k] }));
      svg.appendChild(s('text', { x: left + k * 160 + 14, y: 13, text: n }));
    });
    labels.forEach((label, i) => {
      const y0 = top + i * group;
      svg.appendChild(s('text', { x: left - 6, y: y0 + bar * series.length / 2 + 3, 'text-anchor': 'end', text: label }));
      series.forEach((ser, k) => {
        const v = ser[i];
        if (v == null) return;
        svg.appendChild(s('rect', { x: left, y: y0 + k * bar, width: Math.max(0, v * scale), height: bar - 2, fill: colors[k] }));
        // a value label that would cross the ER = 1 line starts right of it instead
        const end = left + v * scale, x1 = left + scale, label = 40;
        const lx = end < x1 && end + 4 + label > x1 ? x1 + 4 : end + 4;
        svg.appendChild(s('text', { x: lx, y: y0 + k * bar + bar - 4, class: 'bar-label', text: fmt(v) }));
      });
    });
    const x1 = left + scale;
    svg.appendChild(s('line', { x1, x2: x1, y1: top - 4, y2: hgt - 16, stroke: '#a40000', 'stroke-dasharray': '4 3' }));
    svg.appendChild(s('text', { x: x1 + 3, y: hgt - 4, class: 'ref-label', text: 'ER = 1' }));
    return svg;
  }

  async function modelPage(name) {
    // one after the other: an unknown model gives one failed request, not two
    const r = await api('show', { model: name });
    const sim = await api('similar', { model: name, top: 10 });
    let cells = null;
    try { cells = await api('cells', { model: name }); } catch (e) { cells = null; } // added models: no cells
    // intervals appear as soon as the engine provides them (bounds are null for point estimates)
    const ci = r.factors.some(f => f.error_ratio_lower != null);
    const interval = (lo, hi) => h('td', { class: 'ci', text: lo == null ? '' : `[${fmt(lo)}, ${fmt(hi)}]` });
    const fh = h('tr', {}, h('th', { class: 'name', text: 'factor' }), h('th', { text: 'accuracy' }));
    if (ci) fh.appendChild(h('th', { text: 'acc interval' }));
    fh.appendChild(h('th', { text: 'error ratio' }));
    if (ci) fh.appendChild(h('th', { text: 'ER interval' }));
    fh.appendChild(h('th', { text: 'rank' }));
    const ftable = h('table', { id: 'factors' }, h('thead', {}, fh));
    const fb = h('tbody', {});
    const factors = state.info.factors;
    for (const f of r.factors) {
      const tr = h('tr', { 'data-factor': f.factor }, h('td', { class: 'name' }, imagesLink(f.factor + ' and wrong:' + quote(r.model), r.model, f.factor)),
        markSmall(num(f.accuracy, 'accuracy'), f.n, null, f.small));
      if (ci) tr.appendChild(interval(f.accuracy_lower, f.accuracy_upper));
      tr.appendChild(markSmall(heatCell(f.error_ratio, 'error_ratio'), f.n, null, f.small));
      if (ci) tr.appendChild(interval(f.error_ratio_lower, f.error_ratio_upper));
      tr.appendChild(h('td', { 'data-col': 'rank', text: f.rank + '/' + r.num_models }));
      fb.appendChild(tr);
    }
    ftable.appendChild(fb);
    const mt = h('table', { id: 'metaclasses' });
    const mh = h('tr', {}, h('th', { class: 'name', text: 'metaclass' }), h('th', { text: 'average' }),
      h('th', { text: 'worst_factor' }));
    factors.forEach(f => mh.appendChild(h('th', { text: f })));
    mt.appendChild(h('thead', {}, mh));
    const mb = h('tbody', {});
    r.metaclasses.forEach((l, mi) => {
      const ni = cells ? cells.metaclass_images[mi] : null, ne = cells ? cells.metaclass_errors[mi] : null;
      const tr = h('tr', { 'data-metaclass': l.metaclass }, h('td', { class: 'name', text: l.metaclass }),
        markSmall(num(l.average, 'average'), ni && ni[0], ne && ne[0]), num(l.worst_factor, 'worst_factor'));
      l.accuracy.forEach((v, i) => tr.appendChild(markSmall(num(v, factors[i]), l.n[i], null, l.small[i])));
      mb.appendChild(tr);
    });
    mt.appendChild(mb);
    const st = h('table', { id: 'similar' }, h('thead', {}, h('tr', {}, h('th', { text: '#' }),
      h('th', { class: 'name', text: 'model' }), h('th', { text: 'spearman' }), h('th', { text: 'cosine (ER−1)' }),
      h('th', { text: '' }))));
    const sb = h('tbody', {});
    for (const n of sim.rows) {
      sb.appendChild(h('tr', { 'data-model': n.model }, h('td', { text: String(n.rank) }), h('td', { class: 'name' }, link(n.model)),
        num(n.spearman, 'spearman'), num(n.cosine, 'cosine'),
        h('td', {}, h('a', { href: '#/compare/' + encodeURIComponent(r.model) + '/' + encodeURIComponent(n.model), text: 'compare' }))));
    }
    st.appendChild(sb);
    view.replaceChildren(
      h('h2', { id: 'model-name', text: r.model }),
      h('p', { id: 'summary' },
        'average accuracy ', h('b', { id: 'average', 'data-value': String(r.average), text: fmt(r.average) }),
        ` (rank ${r.average_rank}/${r.num_models}), worst factor ${fmt(r.worst_factor)}, worst 100 classes ${fmt(r.worst_100_classes)}; weakest: ${r.weakest.join(', ')}`),
      h('div', { class: 'two' },
        h('div', {}, h('h3', { text: 'Per factor (' + r.type + ')' }), ftable,
          h('p', { class: 'note', text: 'rank 1 = lowest error ratio (most robust) in the zoo' })),
        h('div', {}, h('h3', { text: 'Error ratio per factor' }),
          barChart(r.factors.map(f => f.factor), [r.factors.map(f => f.error_ratio)], [r.model]))),
      h('p', { class: 'note', text: `n = images of a cell, shown beside cells with fewer than ${state.info.small_cells.min_images} images or ${state.info.small_cells.min_errors} errors (too small to read)` }),
      h('h3', { text: 'Where it fails' }), h('div', { id: 'fails' }),
      h('h3', { text: 'Most similar error-ratio profiles' }), h('div', { class: 'scroll' }, st),
      h('h3', { text: 'Accuracy per true metaclass' }), h('div', { class: 'scroll' }, mt));
    if (cells) await whereItFails(r.model, r.weakest[0] || factors[0]);
    else document.getElementById('fails').replaceChildren(h('p', { class: 'note', text: 'not available for models added in this session' }));
  }

  // the model's top confusions and over-represented words on one factor, each linking to its images
  async function whereItFails(model, factor) {
    const box = document.getElementById('fails');
    const sel = h('select', { id: 'fails-factor' });
    for (const f of state.info.factors) {
      const o = h('option', { value: f, text: f });
      if (f === factor) o.selected = true;
      sel.appendChild(o);
    }
    sel.addEventListener('change', () => whereItFails(model, sel.value).catch(showError));
    const m = quote(model);
    const conf = await api('confusions', { expr: factor, model, top: 8 });
    const words = await api('words', { expr: factor, model, top: 8, min_support: 10 });
    const ct = h('table', { id: 'fails-confusions' }, h('thead', {}, h('tr', {},
      h('th', { class: 'name', text: 'true' }), h('th', { class: 'name', text: 'predicted' }),
      h('th', { text: 'count' }), h('th', { text: 'share' }), h('th', { text: 'lift' }))));
    const cb = h('tbody', {});
    for (const row of conf.rows) {
      const expr = `${factor} and wrong:${m} and class:${row.true_class}`;
      cb.appendChild(h('tr', { 'data-true': String(row.true_class), 'data-predicted': String(row.predicted_class) },
        h('td', { class: 'name' }, imagesLink(expr, model, row.true_label)),
        h('td', { class: 'name', text: row.predicted_label }),
        h('td', { 'data-col': 'count', text: String(row.count) }), num(row.share, 'share'), num(row.lift, 'lift')));
    }
    ct.appendChild(cb);
    const wt = h('table', { id: 'fails-words' }, h('thead', {}, h('tr', {},
      h('th', { class: 'name', text: 'one_word' }), h('th', { text: 'mistakes' }), h('th', { text: 'correct' }),
      h('th', { text: 'lift' }), h('th', { text: 'q' }))));
    const wb = h('tbody', {});
    for (const row of words.rows) {
      const expr = `${factor} and wrong:${m} and word:${quote(row.term)}`;
      wb.appendChild(h('tr', { 'data-term': row.term }, h('td', { class: 'name' }, imagesLink(expr, model, row.term)),
        h('td', { 'data-col': 'mistakes', text: String(row.mistakes) }), h('td', { 'data-col': 'correct', text: String(row.correct) }),
        num(row.lift, 'lift'), num(row.q, 'q')));
    }
    wb.children.length || wb.appendChild(h('tr', {}, h('td', { colspan: '5', class: 'name', text: 'no word over-represented' })));
    wt.appendChild(wb);
    box.replaceChildren(
      h('div', { class: 'controls' }, h('label', {}, 'factor ', sel),
        imagesLink(factor + ' and wrong:' + m, model, `all ${conf.num_errors} errors on ${factor}`),
        h('span', { class: 'note', text: `of ${conf.count} ${factor} images` })),
      h('div', { class: 'two' },
        h('div', {}, h('p', { class: 'note', text: 'most frequent confusions; lift against all its errors' }), h('div', { class: 'scroll' }, ct)),
        h('div', {}, h('p', { class: 'note', text: `annotators' words over-represented among its mistakes (${words.num_mistakes}) against its correct answers (${words.num_correct}); q: Benjamini-Hochberg` }), h('div', { class: 'scroll' }, wt))));
  }

  // ---- images --------------------------------------------------------------------------------
  const PAGE = 50;
  async function imagesPage(expr, offset, models) {
    offset = Math.max(0, Number(offset) || 0);
    const input = h('input', { id: 'images-expr', type: 'search', value: expr || '', placeholder: 'texture and wrong:ViT and right:ResNet50', size: '50' });
    const modelsIn = h('input', { id: 'images-models', value: models || '', placeholder: 'models (default: those named)', size: '24' });
    const go = () => { location.hash = '#/images/' + encodeURIComponent(input.value) + '/0/' + encodeURIComponent(modelsIn.value); };
    input.addEventListener('keydown', ev => { if (ev.key === 'Enter') go(); });
    const parts = [h('h2', { text: 'Images' }),
      h('div', { class: 'controls' }, input, modelsIn, h('button', { id: 'images-go', text: 'List', onclick: go })),
      h('p', { class: 'note', text: 'and, or, not, ( ); factors (texture, multi:texture), class:tench, metaclass:dog, real:agrees, wrong:ViT, right:ViT, word:"top view", justification:sepia, all' })];
    if (expr) {
      const p = await api('images', { expr, offset, limit: PAGE, models: models || '' });
      const last = p.offset + p.rows.length;
      const nav = h('div', { class: 'controls' },
        h('span', { id: 'images-summary', text: `${p.count} of ${p.universe_size} images (${p.selection} factors, ${p.error_type} errors): ${p.expression}` +
          (p.rows.length ? `; rows ${p.offset + 1}-${last}` : '') }));
      const page = o => { location.hash = '#/images/' + encodeURIComponent(expr) + '/' + o + '/' + encodeURIComponent(models || ''); };
      if (p.offset > 0) nav.appendChild(h('button', { id: 'images-prev', text: '◀ previous', onclick: () => page(Math.max(0, p.offset - PAGE)) }));
      if (last < p.count) nav.appendChild(h('button', { id: 'images-next', text: 'next ▶', onclick: () => page(last) }));
      const t = h('table', { id: 'images-table' });
      const hr = h('tr', {}, h('th', { text: '#' }));
      if (state.info.images) hr.appendChild(h('th', { text: 'image' }));
      ['file_name', 'true class', 'metaclass', 'factors'].forEach(c => hr.appendChild(h('th', { class: 'name', text: c })));
      p.models.forEach(m => hr.appendChild(h('th', { class: 'name', text: m })));
      ['one_word', 'justification'].forEach(c => hr.appendChild(h('th', { class: 'name', text: c })));
      t.appendChild(h('thead', {}, hr));
      const tb = h('tbody', {});
      for (const row of p.rows) {
        const tr = h('tr', { 'data-file': row.file_name }, h('td', { text: String(row.row) }));
        if (state.info.images) tr.appendChild(h('td', {}, h('img', { class: 'thumb', loading: 'lazy', alt: row.file_name, src: '/image/' + encodeURIComponent(row.file_name) })));
        tr.appendChild(h('td', { class: 'name', text: row.file_name }));
        tr.appendChild(h('td', { class: 'name', 'data-col': 'class', text: `${row.class} ${row.label}` }));
        tr.appendChild(h('td', { class: 'name', text: row.metaclass }));
        tr.appendChild(h('td', { class: 'name', text: row.multi_factors || row.top_factor }));
        for (const m of p.models) {
          const ok = row[m + '_correct'];
          const prob = row[m + '_probability'];
          tr.appendChild(h('td', { class: 'name pred ' + (ok ? 'right' : 'wrong'), 'data-col': m,
            text: row[m] == null ? '' : `${row[m]} ${row[m + '_label']}` + (prob == null ? '' : ` (${prob.toFixed(2)})`) }));
        }
        tr.appendChild(h('td', { class: 'name', 'data-col': 'one_word', text: row.one_word || '' }));
        tr.appendChild(h('td', { class: 'text', 'data-col': 'justification', text: row.justification || '' }));
        tb.appendChild(tr);
      }
      t.appendChild(tb);
      parts.push(nav, h('div', { class: 'scroll' }, t));
    }
    view.replaceChildren(...parts);
  }

  // ---- comparison ----------------------------------------------------------------------------
  async function comparePage(a, b) {
    const models = state.info.modelNames;
    const list = h('datalist', { id: 'model-list' });
    for (const m of models) list.appendChild(h('option', { value: m }));
    const ia = h('input', { id: 'model-a', list: 'model-list', value: a || '', placeholder: 'model A' });
    const ib = h('input', { id: 'model-b', list: 'model-list', value: b || '', placeholder: 'model B' });
    const go = h('button', { id: 'compare-go', text: 'Compare', onclick: () => {
      location.hash = '#/compare/' + encodeURIComponent(ia.value) + '/' + encodeURIComponent(ib.value);
    } });
    const parts = [h('h2', { text: 'Compare two models' }), h('div', { class: 'controls' }, list, ia, ib, go)];
    if (a && b) {
      const c = await api('compare', { a, b });
      const t = h('table', { id: 'comparison' });
      const cols = ['images', 'error A', 'error B', 'ER A', 'ER B', 'only A wrong', 'only B wrong', 'p exact',
        'p mid', 'p Holm', 'p BH', 'error A − B', '95% interval', 'ER A − B', '95% interval', 'verdict'];
      const hr = h('tr', {}, h('th', { class: 'name', text: 'slice' }));
      cols.forEach(x => hr.appendChild(h('th', { text: x })));
      t.appendChild(h('thead', {}, hr));
      const tb = h('tbody', {});
      const interval = (lo, hi, col) => h('td', { class: 'ci', 'data-col': col,
        text: lo == null ? '' : `[${fmt(lo)}, ${fmt(hi)}]` });
      const nf = c.error_ratio_a.length;
      c.rows.forEach((l, i) => {
        tb.appendChild(h('tr', { 'data-slice': l.slice }, h('td', { class: 'name', text: l.slice }),
          h('td', { 'data-col': 'images', text: String(l.images) }),
          num(l.error_a, 'error_a'), num(l.error_b, 'error_b'),
          heatCell(i < nf ? c.error_ratio_a[i] : null, 'error_ratio_a'),
          heatCell(i < nf ? c.error_ratio_b[i] : null, 'error_ratio_b'),
          h('td', { 'data-col': 'only_a_wrong', text: String(l.only_a_wrong) }),
          h('td', { 'data-col': 'only_b_wrong', text: String(l.only_b_wrong) }),
          num(l.p_exact, 'p_exact'), num(l.p_mid, 'p_mid'), num(l.p_holm, 'p_holm'), num(l.p_bh, 'p_bh'),
          num(l.error_diff, 'error_diff'), interval(l.error_diff_lower, l.error_diff_upper, 'error_diff_interval'),
          num(l.er_diff, 'er_diff'), interval(l.er_diff_lower, l.er_diff_upper, 'er_diff_interval'),
          h('td', { 'data-col': 'verdict', text: l.verdict })));
      });
      t.appendChild(tb);
      const fr = c.rows.slice(0, nf);
      const st = c.settings;
      const method = `differences are A - B; McNemar exact and mid-p on the discordant images; p_holm/p_bh adjust`
        + ` p_exact over the ${c.rows.length} slices; verdicts at family-wise 5%; intervals: ${st.confidence_level * 100}%`
        + ` ${st.method} paired bootstrap over images, B=${st.num_resamples}, seed ${st.master_seed}`
        + (c.metaclass_intervals ? '' : ' (metaclass rows: no interval, see imagenetx compare)');
      parts.push(h('p', {}, 'A = ', link(c.a), ', B = ', link(c.b), ' (' + c.selection + ' factors, ' + c.type + ' error)'), h('div', { class: 'scroll' }, t),
        h('p', { class: 'note', text: method }),
        barChart(fr.map(l => l.slice), [c.error_ratio_a, c.error_ratio_b], [c.a, c.b]));
    }
    view.replaceChildren(...parts);
  }

  // ---- groups ----------------------------------------------------------------------------------
  async function groupsPage() {
    const g = await api('groups');
    const factors = state.info.factors;
    if (g.rows.length === 0) {
      view.replaceChildren(h('h2', { text: 'Groups' }),
        h('p', { id: 'no-groups', text: 'No model groups: start serve with --groups <csv of model,group> (e.g. model_types.csv).' }));
      return;
    }
    const t = h('table', { id: 'groups' });
    const hr = h('tr', {}, h('th', { class: 'name', text: 'group' }), h('th', { text: 'models' }), h('th', { text: 'mean accuracy' }));
    factors.forEach(f => hr.appendChild(h('th', { text: f })));
    t.appendChild(h('thead', {}, hr));
    const tb = h('tbody', {});
    for (const l of g.rows) {
      const tr = h('tr', { 'data-group': l.group }, h('td', { class: 'name', text: l.group }),
        h('td', { text: String(l.models) }), num(l.average, 'average'));
      l.error_ratio.forEach((v, i) => tr.appendChild(heatCell(v, factors[i])));
      tb.appendChild(tr);
    }
    t.appendChild(tb);
    view.replaceChildren(h('h2', { text: 'Mean error ratio per factor by group (' + g.type + ')' }), h('div', { class: 'scroll' }, t));
  }

  async function render() {
    const hash = location.hash || '#/';
    const parts = hash.substring(2).split('/').map(decodeURIComponent);
    try {
      if (parts[0] === 'model' && parts[1]) await modelPage(parts[1]);
      else if (parts[0] === 'compare') await comparePage(parts[1], parts[2]);
      else if (parts[0] === 'groups') await groupsPage();
      else if (parts[0] === 'images') await imagesPage(parts[1], parts[2], parts[3]);
      else await heatmap();
      document.body.setAttribute('data-ready', hash);
    } catch (e) {
      showError(e);
      document.body.setAttribute('data-ready', hash);
    }
  }

  async function init() {
    try {
      state.info = await api('info');
      state.info.modelNames = (await api('models')).models;
    } catch (e) { showError(e); return; }
    const sel = document.getElementById('etype');
    for (const t of state.info.error_types) sel.appendChild(h('option', { value: t, text: t }));
    sel.addEventListener('change', () => { state.etype = sel.value; render(); });
    document.getElementById('info').textContent =
      `${state.info.zoo}: ${state.info.models} models, ${state.info.selection} factors` + (state.info.synthetic ? ' (SYNTHETIC data)' : '');
    window.addEventListener('hashchange', render);
    render();
  }
  init();
})();
