/**
 * The editor side of the three blocks: a sidebar with the settings a site owner chooses, and a
 * preview that shows them without starting a session (a session bills per second; the editor
 * is no place to start one). The page renders the real elements on the server.
 * Plain script over WordPress's own globals: no build step.
 */
(function (wp) {
  const { registerBlockType } = wp.blocks;
  const { createElement: h, Fragment } = wp.element;
  const { InspectorControls, useBlockProps } = wp.blockEditor;
  const { PanelBody, TextControl, ToggleControl, SelectControl } = wp.components;
  const { __, sprintf } = wp.i18n;

  /** A whole number from a number field; empty stays unset. */
  const whole = (value) => (value === '' ? undefined : Math.max(0, Math.floor(Number(value))));

  /** The fields: each takes the block's attributes and a setter of one of them. */
  const text =
    (name, label, help, type = 'text') =>
    (a, set) =>
      h(TextControl, { label, help, type, value: a[name], onChange: set(name) });

  const number = (name, label, help, min) => (a, set) =>
    h(TextControl, {
      label,
      help,
      type: 'number',
      min,
      value: a[name] ?? '',
      onChange: (next) => set(name)(whole(next)),
    });

  const toggle = (name, label, help) => (a, set) =>
    h(ToggleControl, { label, help, checked: a[name], onChange: set(name) });

  const language = (a, set) =>
    h(SelectControl, {
      label: __('Language', 'reactor-elements'),
      value: a.lang,
      options: [
        { label: __('English', 'reactor-elements'), value: '' },
        { label: 'Deutsch', value: 'de' },
      ],
      onChange: set('lang'),
    });

  const accent = (a, set) =>
    h(TextControl, {
      label: __('Accent colour', 'reactor-elements'),
      type: 'color',
      value: a.accent || '#3b5bdb',
      onChange: set('accent'),
    });

  /**
   * A dynamic block: its sidebar panel of `fields`, and a still preview (`preview(a)`: a class,
   * a title and lines) of what the visitor will see. Saved as attributes only (`save: null`).
   */
  const block = (name, panel, fields, preview) =>
    registerBlockType(name, {
      edit({ attributes: a, setAttributes }) {
        const set = (key) => (value) => setAttributes({ [key]: value });
        const shown = preview(a);
        return h(
          Fragment,
          null,
          h(
            InspectorControls,
            null,
            h(PanelBody, { title: panel }, ...fields.map((field) => field(a, set))),
          ),
          h(
            'div',
            useBlockProps({
              className: `reactor-elements-preview ${shown.className}`,
              style: a.accent ? { '--reactor-accent': a.accent } : undefined,
            }),
            h('strong', null, shown.title),
            shown.lines.map((line, i) => h('span', { key: i }, line)),
          ),
        );
      },
      save: () => null,
    });

  block(
    'reactor-elements/session',
    __('Session', 'reactor-elements'),
    [
      text(
        'model',
        __('Model', 'reactor-elements'),
        __('The Reactor model, e.g. helios or lingbot.', 'reactor-elements'),
      ),
      number(
        'maxDuration',
        __('Longest session (seconds)', 'reactor-elements'),
        __("Empty: the site's longest (Settings → Reactor).", 'reactor-elements'),
        1,
      ),
      number(
        'idleTimeout',
        __('Idle timeout (seconds, 0: off)', 'reactor-elements'),
        __('A visitor who does nothing is warned, then the session ends.', 'reactor-elements'),
        0,
      ),
      number('maxCost', __('Budget per session (credits, 0: none)', 'reactor-elements'), null, 0),
      toggle(
        'controls',
        __('Controls for visitors', 'reactor-elements'),
        __('A prompt box, buttons, a direction pad: whatever the model takes.', 'reactor-elements'),
      ),
      language,
      accent,
    ],
    (a) => ({
      className: 'is-session',
      title: sprintf(__('%s · live session', 'reactor-elements'), a.model || 'helios'),
      lines: [
        __(
          'Preview: the session starts on the published page, when a visitor presses Start.',
          'reactor-elements',
        ),
        [
          a.maxDuration
            ? sprintf(__('At most %d s', 'reactor-elements'), a.maxDuration)
            : __("At most the site's longest session", 'reactor-elements'),
          a.idleTimeout
            ? sprintf(__('ends after %d s idle', 'reactor-elements'), a.idleTimeout)
            : __('no idle timeout', 'reactor-elements'),
          a.maxCost ? sprintf(__('budget %d credits', 'reactor-elements'), a.maxCost) : null,
          a.controls ? __('controls for visitors', 'reactor-elements') : null,
        ]
          .filter(Boolean)
          .join(' · '),
      ],
    }),
  );

  block(
    'reactor-elements/pricing',
    __('Prices', 'reactor-elements'),
    [
      text('model', __('Model', 'reactor-elements'), __('Empty: every model.', 'reactor-elements')),
      language,
      accent,
    ],
    (a) => ({
      className: 'is-pricing',
      title: __('Reactor prices', 'reactor-elements'),
      lines: [
        a.model
          ? sprintf(__('The live price of %s, per minute.', 'reactor-elements'), a.model)
          : __('The live price list of every model.', 'reactor-elements'),
      ],
    }),
  );

  block(
    'reactor-elements/balance',
    __('Balance', 'reactor-elements'),
    [
      number('lowThreshold', __('Warn at (credits, 0: never)', 'reactor-elements'), null, 0),
      text('topupUrl', __('Top-up link', 'reactor-elements'), null, 'url'),
      language,
    ],
    () => ({
      className: 'is-balance',
      title: __('Reactor balance', 'reactor-elements'),
      lines: [
        __(
          'Shown only when the balance is turned on under Settings → Reactor.',
          'reactor-elements',
        ),
      ],
    }),
  );
})(window.wp);
