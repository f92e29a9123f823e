// The rules of a form field (its `ep.rules`, generated from the engine's models) and their messages,
// formatted exactly as `playbooks check` formats them in Python: repr() of the value, difflib's close match.
(function () {
  'use strict';
  const EP = (window.EP = window.EP || {});

  // Python's repr() of a str: single quotes unless the text holds ' and no ", Python's escapes.
  const NOT_PRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u;
  function repr(text) {
    const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
    let out = quote;
    for (const char of text) {
      const code = char.codePointAt(0);
      if (char === quote || char === '\\') out += '\\' + char;
      else if (char === '\t') out += '\\t';
      else if (char === '\n') out += '\\n';
      else if (char === '\r') out += '\\r';
      else if (code < 0x20 || code === 0x7f) out += '\\x' + hex(code, 2);
      else if (code < 0x7f || char === ' ' || !NOT_PRINTABLE.test(char)) out += char;
      else if (code <= 0xff) out += '\\x' + hex(code, 2);
      else if (code <= 0xffff) out += '\\u' + hex(code, 4);
      else out += '\\U' + hex(code, 8);
    }
    return out + quote;
  }
  const hex = (code, width) => code.toString(16).padStart(width, '0');

  // The value as a message shows it: repr() of a str, str() of a whole number (Python's repr of an int).
  const shown = (value) => (typeof value === 'string' ? repr(value) : String(value));

  // Python's difflib.SequenceMatcher (isjunk=None, autojunk=True), on code points as Python sees a str.
  class SequenceMatcher {
    constructor(a = '', b = '') {
      this.setSeqs(a, b);
    }
    setSeqs(a, b) {
      this.setSeq1(a);
      this.setSeq2(b);
    }
    setSeq1(a) {
      this.a = Array.from(a);
      this.matchingBlocks = null;
    }
    setSeq2(b) {
      this.b = Array.from(b);
      this.matchingBlocks = null;
      this.fullbcount = null;
      this.chainB();
    }
    chainB() {
      const b2j = new Map();
      this.b.forEach((elt, i) => {
        if (!b2j.has(elt)) b2j.set(elt, []);
        b2j.get(elt).push(i);
      });
      // autojunk: in a sequence of 200 or more, an element found in more than 1% of it is "popular".
      const n = this.b.length;
      if (n >= 200) {
        const ntest = Math.floor(n / 100) + 1;
        for (const [elt, idxs] of [...b2j]) if (idxs.length > ntest) b2j.delete(elt);
      }
      this.b2j = b2j;
    }
    findLongestMatch(alo, ahi, blo, bhi) {
      const { a, b, b2j } = this;
      let [besti, bestj, bestsize] = [alo, blo, 0];
      let j2len = new Map();
      for (let i = alo; i < ahi; i++) {
        const newj2len = new Map();
        for (const j of b2j.get(a[i]) || []) {
          if (j < blo) continue;
          if (j >= bhi) break;
          const k = (j2len.get(j - 1) || 0) + 1;
          newj2len.set(j, k);
          if (k > bestsize) [besti, bestj, bestsize] = [i - k + 1, j - k + 1, k];
        }
        j2len = newj2len;
      }
      // Extend with equal elements on both sides (popular ones were left out of b2j). With no isjunk there
      // is no junk, so difflib's two loops over junk elements never run.
      while (besti > alo && bestj > blo && a[besti - 1] === b[bestj - 1]) [besti, bestj, bestsize] = [besti - 1, bestj - 1, bestsize + 1];
      while (besti + bestsize < ahi && bestj + bestsize < bhi && a[besti + bestsize] === b[bestj + bestsize]) bestsize += 1;
      return [besti, bestj, bestsize];
    }
    getMatchingBlocks() {
      if (this.matchingBlocks) return this.matchingBlocks;
      const [la, lb] = [this.a.length, this.b.length];
      const queue = [[0, la, 0, lb]];
      const blocks = [];
      while (queue.length) {
        const [alo, ahi, blo, bhi] = queue.pop();
        const [i, j, k] = this.findLongestMatch(alo, ahi, blo, bhi);
        if (k) {
          blocks.push([i, j, k]);
          if (alo < i && blo < j) queue.push([alo, i, blo, j]);
          if (i + k < ahi && j + k < bhi) queue.push([i + k, ahi, j + k, bhi]);
        }
      }
      blocks.sort((x, y) => x[0] - y[0] || x[1] - y[1] || x[2] - y[2]);
      const collapsed = [];
      let [i1, j1, k1] = [0, 0, 0];
      for (const [i2, j2, k2] of blocks) {
        if (i1 + k1 === i2 && j1 + k1 === j2) k1 += k2;
        else {
          if (k1) collapsed.push([i1, j1, k1]);
          [i1, j1, k1] = [i2, j2, k2];
        }
      }
      if (k1) collapsed.push([i1, j1, k1]);
      collapsed.push([la, lb, 0]);
      this.matchingBlocks = collapsed;
      return collapsed;
    }
    ratio() {
      const matches = this.getMatchingBlocks().reduce((sum, block) => sum + block[2], 0);
      return calculateRatio(matches, this.a.length + this.b.length);
    }
    quickRatio() {
      if (!this.fullbcount) {
        this.fullbcount = new Map();
        for (const elt of this.b) this.fullbcount.set(elt, (this.fullbcount.get(elt) || 0) + 1);
      }
      const avail = new Map();
      let matches = 0;
      for (const elt of this.a) {
        const numb = avail.has(elt) ? avail.get(elt) : this.fullbcount.get(elt) || 0;
        avail.set(elt, numb - 1);
        if (numb > 0) matches += 1;
      }
      return calculateRatio(matches, this.a.length + this.b.length);
    }
    realQuickRatio() {
      const [la, lb] = [this.a.length, this.b.length];
      return calculateRatio(Math.min(la, lb), la + lb);
    }
  }
  const calculateRatio = (matches, length) => (length ? (2.0 * matches) / length : 1.0);

  // Python's str ordering: by code point (JavaScript's < compares UTF-16 units).
  function comparePy(x, y) {
    const [a, b] = [Array.from(x), Array.from(y)];
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
      const d = a[i].codePointAt(0) - b[i].codePointAt(0);
      if (d) return d;
    }
    return a.length - b.length;
  }

  // difflib.get_close_matches: the best n of (score, word), as heapq.nlargest orders the tuples.
  function getCloseMatches(word, possibilities, n = 3, cutoff = 0.6) {
    const s = new SequenceMatcher();
    s.setSeq2(word);
    const result = [];
    for (const x of possibilities) {
      s.setSeq1(x);
      if (s.realQuickRatio() >= cutoff && s.quickRatio() >= cutoff && s.ratio() >= cutoff) result.push([s.ratio(), x]);
    }
    result.sort((p, q) => q[0] - p[0] || comparePy(q[1], p[1]));
    return result.slice(0, n).map((pair) => pair[1]);
  }

  // Python's str.format with named fields only: {name} and the escapes {{ and }}.
  function format(template, values) {
    return template.replace(/\{\{|\}\}|\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (whole, name) => {
      if (!name) return whole[0];
      if (!(name in values)) throw new Error(`The message ${template} names {${name}}, which the rule does not have`);
      return String(values[name]);
    });
  }

  const sortedPy = (options) => [...options].sort(comparePy);

  function hint(value, options) {
    const close = getCloseMatches(value, sortedPy(options), 1);
    return close.length ? `did you mean ${repr(close[0])}? ` : '';
  }

  function localToday() {
    const now = new Date();
    return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
  }

  // Whether one value breaks the rule (a list is checked item by item, except for min_items).
  function broken(rule, value, today) {
    switch (rule.kind) {
      case 'pattern':
        return !new RegExp(rule.regex).test(value);
      case 'choice':
        return !rule.options.includes(value);
      case 'phone': {
        const number = window.libphonenumber.parsePhoneNumberFromString(String(value), rule.region);
        return !(number && number.isValid());
      }
      case 'past_date':
        return String(value) > today;
      case 'range':
        return !(Number.isInteger(Number(value)) && Number(value) >= rule.min && Number(value) <= rule.max);
      default:
        throw new Error(`Unknown rule kind: ${rule.kind}`);
    }
  }

  const blank = (value) =>
    value === undefined || value === null || value === '' || Number.isNaN(value) || (Array.isArray(value) && !value.length);

  // The message of the first rule that `value` breaks, or null. Empty values are Decap's `required` to refuse.
  function check(rules, value, today = localToday()) {
    const items = Array.isArray(value) ? value : [value];
    for (const rule of rules || []) {
      if (rule.kind === 'min_items') {
        if (items.filter((item) => !blank(item)).length < rule.min) return format(rule.message, { ...rule });
        continue;
      }
      for (const item of items) {
        if (blank(item) || !broken(rule, item, today)) continue;
        const values = { ...rule, value: shown(item), today };
        if (rule.kind === 'choice') {
          Object.assign(values, { hint: hint(String(item), rule.options), listed: sortedPy(rule.options).join(', ') });
        }
        return format(rule.message, values);
      }
    }
    return null;
  }

  EP.rules = { repr, SequenceMatcher, getCloseMatches, format, check, localToday };
})();
