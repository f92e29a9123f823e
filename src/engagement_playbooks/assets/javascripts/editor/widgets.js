// The form's widgets: each `ep-<base>` of the generated config is Decap's own <base> widget, plus the
// field's `ep.rules`, refused in the check's words through Decap's validation (a control's isValid()).
(function () {
  'use strict';
  const EP = (window.EP = window.EP || {});

  const plainValue = (value) => (value && typeof value.toJS === 'function' ? value.toJS() : value);

  // Every widget name the config uses, fields of fields included.
  function widgetNames(config) {
    const names = new Set();
    const visit = (fields) => {
      for (const field of fields || []) {
        if (field.widget) names.add(field.widget);
        visit(field.fields);
        if (field.field) visit([field.field]);
      }
    };
    for (const collection of config.collections || []) {
      visit(collection.fields);
      for (const file of collection.files || []) visit(file.fields);
    }
    return [...names].filter((name) => name.startsWith('ep-')).sort();
  }

  // A subclass, not a wrapper: Decap keeps a ref to the control and calls its focus(), shouldComponentUpdate()
  // and getValidateValue(), which stay the base control's own. Our rules come first, then the base's checks.
  function ruledControl(Base, base) {
    if (!(Base.prototype && Base.prototype.isReactComponent)) {
      throw new Error(`Decap's ${base} widget is not a class component: the editor cannot add its rules to it`);
    }
    return class extends Base {
      constructor(props) {
        super(props);
        const own = this.isValid;
        this.isValid = () => {
          const rules = this.props.field.getIn(['ep', 'rules']);
          const message = rules ? EP.rules.check(rules.toJS(), plainValue(this.props.value)) : null;
          if (message) return { error: { type: 'CUSTOM', message, parentIds: this.props.parentIds } };
          return own ? own.call(this) : true;
        };
      }
    };
  }

  function register(cms, config) {
    for (const name of widgetNames(config)) {
      const base = name.slice(3);
      const widget = cms.getWidget(base);
      if (!widget) throw new Error(`The config uses the widget ${name}, but Decap has no widget ${base}`);
      // Named keys only: registerWidget spreads any other key over its own, so a copied `control` would win.
      const { schema, globalStyles, allowMapValue } = widget;
      const controlComponent = ruledControl(widget.control, base);
      cms.registerWidget({ name, controlComponent, previewComponent: widget.preview, schema, globalStyles, allowMapValue });
    }
  }

  // Decap's English, with "required" in the check's words: "<label>: <messages.required>".
  function registerLocale(cms, messages) {
    if (!messages || !messages.required) return;
    const english = cms.getLocale('en') || {};
    const editor = english.editor || {};
    const pane = editor.editorControlPane || {};
    const widget = { ...(pane.widget || {}), required: `%{fieldLabel}: ${messages.required}` };
    cms.registerLocale('en', { ...english, editor: { ...editor, editorControlPane: { ...pane, widget } } });
  }

  EP.widgets = { widgetNames, register, registerLocale };
})();
