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

  const languages = [
    { label: __('English', 'reactor-elements'), value: '' },
    { label: 'Deutsch', value: 'de' },
  ];

  /** A whole number from a number field; empty stays unset. */
  const whole = (value) => (value === '' ? undefined : Math.max(0, Math.floor(Number(value))));

  const numberField = (label, help, value, onChange, min) =>
    h(TextControl, {
      label,
      help,
      type: 'number',
      min,
      value: value ?? '',
      onChange: (next) => onChange(whole(next)),
    });

  const languageField = (attributes, setAttributes) =>
    h(SelectControl, {
      label: __('Language', 'reactor-elements'),
      value: attributes.lang,
      options: languages,
      onChange: (lang) => setAttributes({ lang }),
    });

  const accentField = (attributes, setAttributes) =>
    h(TextControl, {
      label: __('Accent colour', 'reactor-elements'),
      type: 'color',
      value: attributes.accent || '#3b5bdb',
      onChange: (accent) => setAttributes({ accent }),
    });

  /** The preview: what the visitor will see, without a session. */
  const preview = (className, accent, title, lines) =>
    h(
      'div',
      useBlockProps({
        className: `reactor-elements-preview ${className}`,
        style: accent ? { '--reactor-accent': accent } : undefined,
      }),
      h('strong', null, title),
      lines.map((line, i) => h('span', { key: i }, line)),
    );

  registerBlockType('reactor-elements/session', {
    edit({ attributes, setAttributes }) {
      const a = attributes;
      const set = (name) => (value) => setAttributes({ [name]: value });
      return h(
        Fragment,
        null,
        h(
          InspectorControls,
          null,
          h(
            PanelBody,
            { title: __('Session', 'reactor-elements') },
            h(TextControl, {
              label: __('Model', 'reactor-elements'),
              help: __('The Reactor model, e.g. helios or lingbot.', 'reactor-elements'),
              value: a.model,
              onChange: set('model'),
            }),
            numberField(
              __('Longest session (seconds)', 'reactor-elements'),
              __("Empty: the site's longest (Settings → Reactor).", 'reactor-elements'),
              a.maxDuration,
              set('maxDuration'),
              1,
            ),
            numberField(
              __('Idle timeout (seconds, 0: off)', 'reactor-elements'),
              __(
                'A visitor who does nothing is warned, then the session ends.',
                'reactor-elements',
              ),
              a.idleTimeout,
              set('idleTimeout'),
              0,
            ),
            numberField(
              __('Budget per session (credits, 0: none)', 'reactor-elements'),
              null,
              a.maxCost,
              set('maxCost'),
              0,
            ),
            h(ToggleControl, {
              label: __('Controls for visitors', 'reactor-elements'),
              help: __(
                'A prompt box, buttons, a direction pad: whatever the model takes.',
                'reactor-elements',
              ),
              checked: a.controls,
              onChange: set('controls'),
            }),
            languageField(a, setAttributes),
            accentField(a, setAttributes),
          ),
        ),
        preview(
          'is-session',
          a.accent,
          sprintf(__('%s · live session', 'reactor-elements'), a.model || 'helios'),
          [
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
        ),
      );
    },
    save: () => null,
  });

  registerBlockType('reactor-elements/pricing', {
    edit({ attributes, setAttributes }) {
      return h(
        Fragment,
        null,
        h(
          InspectorControls,
          null,
          h(
            PanelBody,
            { title: __('Prices', 'reactor-elements') },
            h(TextControl, {
              label: __('Model', 'reactor-elements'),
              help: __('Empty: every model.', 'reactor-elements'),
              value: attributes.model,
              onChange: (model) => setAttributes({ model }),
            }),
            languageField(attributes, setAttributes),
            accentField(attributes, setAttributes),
          ),
        ),
        preview('is-pricing', attributes.accent, __('Reactor prices', 'reactor-elements'), [
          attributes.model
            ? sprintf(__('The live price of %s, per minute.', 'reactor-elements'), attributes.model)
            : __('The live price list of every model.', 'reactor-elements'),
        ]),
      );
    },
    save: () => null,
  });

  registerBlockType('reactor-elements/balance', {
    edit({ attributes, setAttributes }) {
      return h(
        Fragment,
        null,
        h(
          InspectorControls,
          null,
          h(
            PanelBody,
            { title: __('Balance', 'reactor-elements') },
            numberField(
              __('Warn at (credits, 0: never)', 'reactor-elements'),
              null,
              attributes.lowThreshold,
              (lowThreshold) => setAttributes({ lowThreshold }),
              0,
            ),
            h(TextControl, {
              label: __('Top-up link', 'reactor-elements'),
              type: 'url',
              value: attributes.topupUrl,
              onChange: (topupUrl) => setAttributes({ topupUrl }),
            }),
            languageField(attributes, setAttributes),
          ),
        ),
        preview('is-balance', '', __('Reactor balance', 'reactor-elements'), [
          __(
            'Shown only when the balance is turned on under Settings → Reactor.',
            'reactor-elements',
          ),
        ]),
      );
    },
    save: () => null,
  });
})(window.wp);
