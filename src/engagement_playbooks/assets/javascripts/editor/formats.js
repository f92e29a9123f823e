// The editor's file formats (ep-yaml, ep-frontmatter): a save edits the file as a careful hand edit would.
// The form's data is merged into the parsed YAML Document (the yaml library keeps comments, blank lines,
// key order and quoting on its nodes); then only the lines that changed are taken from the library's text,
// every other line is copied from the file as it was, byte for byte.
(function () {
  'use strict';
  const EP = (window.EP = window.EP || {});
  const SOURCE = '__ep_source';
  const TIMESTAMP = 'tag:yaml.org,2002:timestamp';
  // PyYAML's types (YAML 1.1: yes/no/on/off are booleans), but dates stay text as the engine's loader keeps them.
  const PARSE = { schema: 'yaml-1.1', customTags: (tags) => tags.filter((tag) => tag.tag !== TIMESTAMP) };
  const PRINT = { lineWidth: 0, flowCollectionPadding: false }; // how the department's files are written
  const isDate = new YAML.Schema({ schema: 'yaml-1.1' }).tags.find((tag) => tag.tag === TIMESTAMP).test;

  const plain = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);
  const isEmpty = (value) => value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
  const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

  // fields: the form's fields (config objects); the one named `name`, and what its items are.
  const fieldOf = (fields, name) => (fields || []).find((field) => field.name === name);
  // What a list's items are: the one `field` of a list of scalars, or the `fields` of a list of objects.
  const itemOf = (field) => (field && field.field) || { fields: field ? field.fields : undefined };
  const widgetBase = (field) => (field && field.widget ? field.widget.replace(/^ep-/, '') : '');

  // A new scalar for a text field: quoted when PyYAML would read it as a date (the library quotes the rest).
  function scalar(doc, value, field, like) {
    const node = doc.createNode(value);
    if (like && YAML.isScalar(like) && typeof like.value === typeof value) node.type = like.type;
    if (typeof value === 'string' && widgetBase(field) !== 'datetime' && isDate.test(value) && node.type !== 'QUOTE_SINGLE') {
      node.type = 'QUOTE_DOUBLE';
    }
    return node;
  }

  // A new node for `value`, styled like `like` (the same key in a sibling item), keys in the form's order.
  function build(doc, value, field, like) {
    if (Array.isArray(value)) {
      const seq = new YAML.YAMLSeq();
      seq.flow = Boolean(like && YAML.isSeq(like) && like.flow);
      const first = like && YAML.isSeq(like) ? like.items[0] : undefined;
      value.forEach((item) => seq.items.push(build(doc, item, itemOf(field), first)));
      return seq;
    }
    if (plain(value)) {
      const map = new YAML.YAMLMap();
      const fields = field ? field.fields : undefined;
      for (const key of ordered(value, fields)) {
        if (isEmpty(value[key])) continue;
        const sub = fieldOf(fields, key);
        const sibling = like && YAML.isMap(like) ? like.get(key, true) : undefined;
        map.items.push(doc.createPair(key, build(doc, value[key], sub, sibling)));
      }
      return map;
    }
    return scalar(doc, value, field, like);
  }

  // The keys of `value`: those the form shows in the form's order, then the others as they come.
  function ordered(value, fields) {
    const names = (fields || []).map((field) => field.name);
    const keys = Object.keys(value).filter((key) => key !== SOURCE);
    return [...names.filter((name) => keys.includes(name)), ...keys.filter((key) => !names.includes(key))];
  }

  // Merges `value` into `node` (a map's value, or a list's item); returns the node to keep in its place.
  function merge(doc, node, value, field) {
    if (plain(value) && YAML.isMap(node)) return mergeMap(doc, node, value, field ? field.fields : undefined);
    if (Array.isArray(value) && YAML.isSeq(node)) return mergeSeq(doc, node, value, field);
    if (YAML.isScalar(node) && !plain(value) && !Array.isArray(value)) {
      if (node.value !== value) {
        const fresh = scalar(doc, value, field, node);
        node.value = value;
        node.type = fresh.type;
      }
      return node;
    }
    if (same(node ? node.toJSON() : undefined, value)) return node;
    const fresh = build(doc, value, field, node);
    if (node) Object.assign(fresh, { spaceBefore: node.spaceBefore, commentBefore: node.commentBefore, comment: node.comment });
    return fresh;
  }

  function mergeMap(doc, map, value, fields) {
    const shown = (key) => Boolean(fieldOf(fields, key));
    // A key the form shows but no longer has was cleared; a key it does not show is kept as it is.
    map.items = map.items.filter((pair) => {
      const key = YAML.isScalar(pair.key) ? pair.key.value : pair.key;
      if (!(key in value)) return !shown(key);
      return !(isEmpty(value[key]) && !same(pair.value ? pair.value.toJSON() : null, value[key]));
    });
    const names = ordered(value, fields);
    for (const key of names) {
      if (isEmpty(value[key])) continue;
      const field = fieldOf(fields, key);
      const index = map.items.findIndex((pair) => (YAML.isScalar(pair.key) ? pair.key.value : pair.key) === key);
      if (index >= 0) {
        map.items[index].value = merge(doc, map.items[index].value, value[key], field);
        continue;
      }
      // A new key goes before the first key that comes after it in the form's order.
      const later = names.slice(names.indexOf(key) + 1);
      const at = map.items.findIndex((pair) => later.includes(YAML.isScalar(pair.key) ? pair.key.value : pair.key));
      map.items.splice(at < 0 ? map.items.length : at, 0, doc.createPair(key, build(doc, value[key], field)));
    }
    return map;
  }

  // Items are matched by their longest common subsequence (equal items), so removing or adding one leaves the
  // others' nodes untouched; the unmatched ones between two matches are merged pairwise, the rest removed or added.
  function mergeSeq(doc, seq, value, field) {
    const old = seq.items;
    const olds = old.map((node) => JSON.stringify(YAML.isNode(node) ? node.toJSON() : node));
    const news = value.map((item) => JSON.stringify(item));
    const matches = lcs(olds, news);
    const sub = itemOf(field);
    const items = [];
    let i = 0;
    let j = 0;
    for (const [mi, mj] of [...matches, [old.length, value.length]]) {
      while (i < mi && j < mj) items.push(merge(doc, old[i++], value[j++], sub));
      while (j < mj) items.push(added(doc, old, value[j++], sub));
      // Old items left before this match are removed, with their comments.
      if (mi < old.length) items.push(old[mi]);
      i = mi + 1;
      j = mj + 1;
    }
    seq.items = items;
    return seq;
  }

  // A new list item, written like the last existing one: blank line before it, flow lists, quoting.
  function added(doc, siblings, value, field) {
    const like = siblings[siblings.length - 1];
    const node = build(doc, value, field, like);
    if (like && like.spaceBefore) node.spaceBefore = true;
    return node;
  }

  // Pairs [i, j] of equal lines/items, in order (a longest common subsequence).
  function lcs(a, b) {
    const rows = a.length + 1;
    const cols = b.length + 1;
    const table = new Uint32Array(rows * cols);
    for (let i = a.length - 1; i >= 0; i--) {
      for (let j = b.length - 1; j >= 0; j--) {
        table[i * cols + j] = a[i] === b[j] ? table[(i + 1) * cols + j + 1] + 1 : Math.max(table[(i + 1) * cols + j], table[i * cols + j + 1]);
      }
    }
    const pairs = [];
    for (let i = 0, j = 0; i < a.length && j < b.length; ) {
      if (a[i] === b[j]) pairs.push([i++, j++]);
      else if (table[(i + 1) * cols + j] >= table[i * cols + j + 1]) i++;
      else j++;
    }
    return pairs;
  }

  // The edited text: lines the edit did not change are copied from `source` (the library may space a comment
  // differently), changed and new lines come from the library. `before` is the library's text of the unedited file.
  function splice(source, before, after) {
    const src = source.split('\n');
    const a = before.split('\n');
    const b = after.split('\n');
    if (src.length !== a.length) return after; // the library reshaped the file: its text is the best there is
    let start = 0;
    while (start < a.length && start < b.length && a[start] === b[start]) start++;
    let end = 0;
    while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++;
    const out = src.slice(0, start);
    const midA = a.slice(start, a.length - end);
    const midB = b.slice(start, b.length - end);
    let j = 0;
    for (const [mi, mj] of [...lcs(midA, midB), [midA.length, midB.length]]) {
      out.push(...midB.slice(j, mj)); // lines of midA before this match are dropped
      if (mi < midA.length) out.push(src[start + mi]);
      j = mj + 1;
    }
    out.push(...src.slice(a.length - end));
    return out.join('\n');
  }

  // The YAML text of `data`: an edit of `source` when there is one, else new block YAML in the form's order.
  function dumpYaml(data, source, fields) {
    const value = {};
    for (const key of Object.keys(data)) if (key !== SOURCE) value[key] = data[key];
    if (source == null) {
      const doc = new YAML.Document(undefined, PARSE);
      doc.contents = build(doc, value, { fields });
      return doc.toString(PRINT);
    }
    const doc = YAML.parseDocument(source, PARSE);
    const before = doc.toString(PRINT);
    doc.contents = merge(doc, doc.contents, value, { fields });
    return splice(source, before, doc.toString(PRINT));
  }

  function loadYaml(text) {
    const doc = YAML.parseDocument(text, PARSE);
    if (doc.errors.length) throw doc.errors[0];
    const data = doc.toJS() || {};
    if (!plain(data)) throw new Error('The file does not hold a mapping of keys to values');
    return data;
  }

  const FRONT = /^---\r?\n([\s\S]*?\r?\n)?---[ \t]*(?:\r?\n|$)/;

  function splitFrontMatter(text) {
    const match = FRONT.exec(text);
    return match ? { yaml: match[1] || '', body: text.slice(match[0].length), head: match[0] } : { yaml: null, body: text };
  }

  // The form's fields for a save: Decap passes the top-level field names, which tell the collection/file apart.
  function fieldsFinder(config) {
    const known = new Map();
    for (const collection of config.collections || []) {
      for (const part of collection.files || [collection]) {
        if (part.fields) known.set(part.fields.map((field) => field.name).join('\n'), part.fields);
      }
    }
    return (names) => known.get((names || []).join('\n'));
  }

  function formats(config) {
    const fieldsFor = fieldsFinder(config);
    return {
      'ep-yaml': {
        extension: 'yml',
        fromFile: (text) => Object.assign(loadYaml(text), { [SOURCE]: text }),
        toFile: (data, order) => dumpYaml(data, data[SOURCE], fieldsFor(order)),
      },
      'ep-frontmatter': {
        extension: 'md',
        fromFile(text) {
          const parts = splitFrontMatter(text);
          const data = parts.yaml == null ? {} : loadYaml(parts.yaml);
          return Object.assign(data, { body: parts.body, [SOURCE]: text });
        },
        toFile(data, order) {
          const { body = '', ...meta } = data;
          const source = data[SOURCE] == null ? null : splitFrontMatter(data[SOURCE]);
          const fields = (fieldsFor(order) || []).filter((field) => field.name !== 'body');
          const hadYaml = source && source.yaml != null;
          const yaml = dumpYaml(meta, hadYaml ? source.yaml : null, fields);
          const empty = Object.keys(meta).every((key) => key === SOURCE || isEmpty(meta[key]));
          if (!hadYaml && empty) return body;
          if (hadYaml && yaml === source.yaml) return source.head + body;
          return `---\n${yaml}---\n${body}`;
        },
      },
    };
  }

  function register(cms, config) {
    for (const [name, format] of Object.entries(formats(config))) {
      cms.registerCustomFormat(name, format.extension, { fromFile: format.fromFile, toFile: format.toFile });
    }
  }

  EP.formats = { formats, register, SOURCE, PARSE, PRINT };
})();
