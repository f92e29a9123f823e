// The Markdown editor's "Insert checklist", "Insert partner card", "Insert partner table": one editor
// component per macro of the body field's `ep.macros`, picking from the real ids and writing the call
// exactly as trainers write it: {{ checklist("forum-planning") }}, {{ partner_table(category="youth") }}.
(function () {
  'use strict';
  const EP = (window.EP = window.EP || {});

  const quote = (text) => `"${String(text).replace(/[\\"]/g, (char) => '\\' + char)}"`;
  const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

  // The arguments of a call, `"a", key="b"`: positional values in order, and keyword values by name.
  const ARGUMENT = /\s*(?:([A-Za-z_]\w*)\s*=\s*)?("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')\s*(?:,|$)/y;
  function parseArguments(text) {
    const positional = [];
    const keywords = {};
    ARGUMENT.lastIndex = 0;
    while (ARGUMENT.lastIndex < text.length) {
      const match = ARGUMENT.exec(text);
      if (!match) return null; // not plain string arguments: not for a picker
      const value = match[2].slice(1, -1).replace(/\\(.)/g, '$1');
      if (match[1]) keywords[match[1]] = value;
      else positional.push(value);
    }
    return { positional, keywords };
  }

  // A macro call in a text: {{ name(arguments) }}, its name and the text of its arguments.
  const CALL = /\{\{\s*([A-Za-z_]\w*)\s*\(([^\n]*?)\)\s*\}\}/;

  // The call's parameter values by name, or null when the call is not one this macro's picker writes.
  function values(macro, argumentText) {
    const parsed = parseArguments(argumentText.trim());
    if (!parsed) return null;
    const result = {};
    const positional = macro.params.filter((param) => param.positional);
    parsed.positional.forEach((value, index) => {
      if (positional[index]) result[positional[index].name] = value;
    });
    Object.assign(result, parsed.keywords);
    return result;
  }

  function call(macro, data) {
    const args = [];
    for (const param of macro.params) {
      const value = data[param.name];
      if (value === undefined || value === null || value === '') continue; // an optional one not chosen
      args.push(param.positional ? quote(value) : `${param.name}=${quote(value)}`);
    }
    return `{{ ${macro.name}(${args.join(', ')}) }}`;
  }

  function component(macro, placeholders) {
    return {
      id: `ep-${macro.name}`,
      label: macro.label,
      fields: macro.params.map((param) => ({
        name: param.name,
        label: param.label,
        widget: 'select',
        options: param.options,
        required: !param.optional,
      })),
      // The call on a line of its own (Decap tries the pattern at the start of each block).
      pattern: new RegExp(`^\\{\\{\\s*${escapeRegExp(macro.name)}\\s*\\(([^\\n]*?)\\)\\s*\\}\\}(?=\\n|$)`),
      fromBlock: (match) => values(macro, match[1]) || {},
      toBlock: (data) => call(macro, data),
      toPreview: (data) => EP.preview.placeholderText(macro.name, data, [macro], placeholders),
    };
  }

  function register(cms, bodyField) {
    const ep = bodyField.ep || {};
    for (const macro of ep.macros || []) cms.registerEditorComponent(component(macro, ep.placeholders || {}));
  }

  // The body fields (with `ep.macros`) of the config's collections.
  function bodyFields(config) {
    const found = [];
    for (const collection of config.collections || []) {
      for (const field of collection.fields || []) if (field.ep && field.ep.macros) found.push(field);
    }
    return found;
  }

  EP.pickers = { CALL, parseArguments, values, call, component, register, bodyFields };
})();
