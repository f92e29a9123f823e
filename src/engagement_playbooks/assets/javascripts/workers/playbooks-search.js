// The playbooks' search worker: Material's own worker, loaded below, with each query widened the way
// officers search: abbreviations and synonyms (the term map the build writes above, as self.__EP_EXPAND),
// plurals, joined words ("deescalation") and one-letter typos. Material's UI, ranking and highlights stay.
"use strict";
(() => {
  // The build writes Material's worker, relative to this file, and the term map above (hosts/mkdocs/search_worker.py). Under file://
  // the iframe-worker shim runs this file as a page script.
  const src = self.document ? document.currentScript.src : location.href;
  const material = new URL(self.__EP_MATERIAL_WORKER, src).href;
  const expand = self.__EP_EXPAND || {};
  let matched = null; // result -> typed words it answers through a widened match

  // Results: a word answered by its synonym or spelling fix is not listed as "Missing".
  const post = self.postMessage;
  self.postMessage = (message, ...rest) => {
    if (message && message.type === 3 && matched)
      for (const group of message.data.items)
        for (const item of group) {
          const found = matched.get(item.location);
          for (const term in item.terms) if (found && found.has(term)) item.terms[term] = true;
        }
    return post.call(self, message, ...rest);
  };

  Promise.resolve(importScripts(material)).then(() => {
    const L = self.lunr;
    const build = L.Builder.prototype.build;
    L.Builder.prototype.build = function () {
      const index = build.call(this);
      widen(index, L);
      return index;
    };
  });

  function widen(index, L) {
    const words = Object.keys(index.invertedIndex).sort();
    const has = (word) => word in index.invertedIndex;
    const starts = (prefix) => {
      let lo = 0;
      let hi = words.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (words[mid] < prefix) lo = mid + 1;
        else hi = mid;
      }
      return lo < words.length && words[lo].startsWith(prefix);
    };
    const stop = (word) => !L.stopWordFilter(word);
    const { NONE, TRAILING } = L.Query.wildcard;
    const search = index.search;

    index.search = function (query) {
      // Material's query syntax (fields, boosts, +required, -excluded) is left to Material.
      if (/[:^~]|(^|\s)[+-]/.test(query)) return search.call(this, query);
      // Material hands over "co-responder*" for "co-responder": split where the index splits, once per word.
      const split = query.toLowerCase().split(L.tokenizer.separator);
      const terms = [...new Set(split.filter(Boolean).map((t) => t.replace(/\*$/, "")))].filter(Boolean);
      const clauses = [];
      const needles = terms.map(() => []);
      const add = (at, word, wildcard, boost) => {
        clauses.push({ term: word, wildcard, boost, usePipeline: false });
        for (const i of [].concat(at)) needles[i].push(word);
      };
      terms.forEach((term, i) => {
        const last = i === terms.length - 1;
        if (!last && stop(term)) return; // a finished "how", "do" or "to" only adds noise
        add(i, term, last || term.length > 2 ? TRAILING : NONE, 1);
        const one = term.length > 3 && !term.endsWith("ss") ? term.replace(/ies$/, "y").replace(/s$/, "") : term;
        if (one !== term) add(i, one, TRAILING, 1);
        if (term.length < 5 || starts(term) || starts(one)) return;
        for (const near of index.tokenSet.intersect(L.TokenSet.fromFuzzyString(term, 1)).toArray()) add(i, near, NONE, 0.8);
        for (let k = 2; k < term.length - 2; k++) {
          const [a, b] = [term.slice(0, k), term.slice(k)];
          if (has(a) && starts(b)) {
            add(i, a, NONE, 0.5);
            add(i, b, TRAILING, 1);
            break;
          }
        }
      });
      // Abbreviations and synonyms: the longest phrase of typed words found in the term map, at each word.
      terms.forEach((_, i) => {
        for (let n = Math.min(5, terms.length - i); n > 0; n--) {
          const typed = terms.slice(i, i + n);
          const key = typed.join(" ");
          const alternatives = expand[key] || expand[key.replace(/s$/, "")];
          if (!alternatives) continue;
          for (const phrase of alternatives)
            for (const word of phrase.split(" "))
              if (!stop(word)) add(typed.map((_, j) => i + j), word, word.length > 3 ? TRAILING : NONE, 1);
          break;
        }
      });
      const results = this.query((q) => clauses.forEach(({ term, ...options }) => q.term(term, options)));
      matched = new Map(
        results.map((result) => {
          const keys = Object.keys(result.matchData.metadata);
          const found = terms.filter((_, i) => needles[i].some((n) => keys.some((k) => k.startsWith(n))));
          return [result.ref, new Set(found)];
        }),
      );
      return results;
    };
  }
})();
