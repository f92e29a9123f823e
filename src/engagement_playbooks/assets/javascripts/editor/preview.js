// The preview pane of a page: its title and its Markdown (marked, then DOMPurify), with every macro call
// shown as a readable box ("Checklist: Plan a community forum"), never as raw {{ }}; {% raw %} blocks
// show their content as the built site does.
(function () {
  'use strict';
  const EP = (window.EP = window.EP || {});

  const escapeHtml = (text) =>
    String(text).replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]);

  // The words of a call's placeholder: the macro's own template, or the one for any other macro ("*").
  function placeholderText(name, data, macros, placeholders) {
    const macro = macros.find((candidate) => candidate.name === name);
    if (!macro || !placeholders[name] || !data) return EP.rules.format(placeholders['*'] || '{name}', { name });
    const label = (param) => {
      const option = (param.options || []).find((choice) => choice.value === data[param.name]);
      return option ? option.label : data[param.name];
    };
    const chosen = macro.params.filter((param) => data[param.name]);
    const first = chosen.find((param) => param.positional) || chosen[0];
    const filters = chosen.map((param) => `${param.label}: ${label(param)}`).join(', ');
    return EP.rules.format(placeholders[name], { name, title: first ? label(first) : '', filters });
  }

  // The text of one {{ … }}: a call's placeholder, or for an expression that is no call, the "*" one.
  function describe(expression, macros, placeholders) {
    const match = /^\s*([A-Za-z_]\w*)\s*\(([\s\S]*)\)\s*$/.exec(expression);
    if (!match) return EP.rules.format(placeholders['*'] || '{name}', { name: expression.trim() });
    const macro = macros.find((candidate) => candidate.name === match[1]);
    return placeholderText(match[1], macro ? EP.pickers.values(macro, match[2]) : null, macros, placeholders);
  }

  const RAW = /\{%-?\s*raw\s*-?%\}([\s\S]*?)\{%-?\s*endraw\s*-?%\}/g;
  const EXPRESSION = /\{\{([\s\S]*?)\}\}/g;

  // Markdown to safe HTML. Each call becomes a token of letters and digits (which marked leaves alone),
  // replaced by its box after sanitising; raw blocks are put back as their content (escaped by marked as text
  // would be, inside code or not).
  function render(markdown, macros, placeholders) {
    const boxes = [];
    const stamp = `epbox${Math.random().toString(36).slice(2)}x`;
    const token = (text) => `${stamp}${boxes.push(text) - 1}x`;
    const parts = String(markdown || '').split(RAW);
    const text = parts
      .map((part, index) => (index % 2 ? part : part.replace(EXPRESSION, (whole, expression) => token(describe(expression, macros, placeholders)))))
      .join('');
    const html = window.DOMPurify.sanitize(window.marked.parse(text));
    const box = (tag, index) => `<${tag} class="ep-placeholder">${escapeHtml(boxes[Number(index)])}</${tag}>`;
    return html
      .replace(new RegExp(`<p>${stamp}(\\d+)x</p>`, 'g'), (whole, index) => box('div', index))
      .replace(new RegExp(`${stamp}(\\d+)x`, 'g'), (whole, index) => box('span', index));
  }

  // A preview template (a React component through Decap's global h/createClass) for a page collection.
  function template(bodyField) {
    const ep = (bodyField && bodyField.ep) || {};
    const macros = ep.macros || [];
    const placeholders = ep.placeholders || {};
    return window.createClass({
      render() {
        const data = this.props.entry.get('data');
        const title = data.get('title');
        return window.h(
          'article',
          { className: 'ep-preview' },
          title ? window.h('h1', null, title) : null,
          window.h('div', { dangerouslySetInnerHTML: { __html: render(data.get('body'), macros, placeholders) } }),
        );
      },
    });
  }

  function register(cms, config, stylesheet) {
    for (const collection of config.collections || []) {
      if (collection.format !== 'ep-frontmatter') continue;
      const body = (collection.fields || []).find((field) => field.name === 'body');
      cms.registerPreviewTemplate(collection.name, template(body));
    }
    cms.registerPreviewStyle(stylesheet);
  }

  EP.preview = { placeholderText, describe, render, register };
})();
