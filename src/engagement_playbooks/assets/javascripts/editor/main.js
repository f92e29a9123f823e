// The editor page: reads the page's settings (#ep-editor), loads config.yml beside the page, registers the
// formats, widgets, pickers and previews (Decap needs them before it starts), then starts Decap.
(function () {
  'use strict';
  const EP = (window.EP = window.EP || {});
  // Our stylesheet, found from this script's own address: the page may live anywhere in the site.
  const stylesheet = new URL('../../stylesheets/editor.css', document.currentScript.src).href;

  function settings() {
    const element = document.getElementById('ep-editor');
    return element ? JSON.parse(element.textContent) : {};
  }

  async function start() {
    EP.settings = settings();
    const response = await fetch('config.yml', { cache: 'no-cache' });
    if (!response.ok) throw new Error(`config.yml: HTTP ${response.status}`);
    const config = YAML.parse(await response.text());
    config.load_config_file = false; // it is passed whole to CMS.init
    EP.formats.register(CMS, config);
    EP.widgets.register(CMS, config);
    EP.widgets.registerLocale(CMS, EP.settings.messages);
    const [body] = EP.pickers.bodyFields(config); // the editor components are global: one body field's macros
    if (body) EP.pickers.register(CMS, body);
    EP.preview.register(CMS, config, stylesheet);
    EP.config = config;
    CMS.init({ config });
  }

  EP.started = start();
})();
