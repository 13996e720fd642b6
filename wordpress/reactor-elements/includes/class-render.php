<?php
/**
 * The blocks and shortcodes: `<reactor-session>`, `<reactor-pricing>` and `<reactor-balance>`
 * written at page time from checked, escaped attributes, so kses never sees raw markup (an
 * Author's post with the block works; an Author's pasted tag is still stripped). The script (the
 * package's single-file bundle, shipped in the plugin) is enqueued only on pages that use them,
 * deferred, with no inline script (it works under a strict CSP), and marked so the common
 * optimisers leave it alone.
 *
 * @package ReactorElements
 */

defined( 'ABSPATH' ) || exit;

/**
 * Blocks, shortcodes and the script.
 */
final class Reactor_Elements_Render {

	const HANDLE = 'reactor-elements';
	/** Languages the plugin ships a script for (English is built in). */
	const LANGUAGES = array( 'en', 'de' );
	const DEFAULT_ACCENT = '#3b5bdb';

	public static function register(): void {
		$assets = plugins_url( 'assets/', REACTOR_ELEMENTS_FILE );
		$version = REACTOR_ELEMENTS_VERSION;
		wp_register_script( self::HANDLE, $assets . 'reactor-elements.iife.js', array(), $version, true );
		wp_register_script( self::HANDLE . '-de', $assets . 'reactor-elements.de.js', array( self::HANDLE ), $version, true );
		wp_register_script(
			self::HANDLE . '-blocks',
			$assets . 'blocks.js',
			array( 'wp-blocks', 'wp-element', 'wp-block-editor', 'wp-components', 'wp-i18n' ),
			$version,
			true
		);
		wp_set_script_translations( self::HANDLE . '-blocks', 'reactor-elements' );
		wp_register_style( self::HANDLE . '-editor', $assets . 'editor.css', array(), $version );
		add_filter( 'script_loader_tag', array( self::class, 'script_tag' ), 10, 2 );

		foreach ( array( 'session', 'pricing', 'balance' ) as $kind ) {
			register_block_type( REACTOR_ELEMENTS_DIR . '/blocks/' . $kind, array( 'render_callback' => array( self::class, 'block_' . $kind ) ) );
			add_shortcode( 'reactor_' . $kind, array( self::class, 'shortcode_' . $kind ) );
		}
	}

	/**
	 * Our script tags: deferred, and marked for the optimisers that delay or combine scripts
	 * (WP Rocket's `nowprocket`, LiteSpeed's `data-no-optimize`, Cloudflare's `data-cfasync`):
	 * a delayed player would stay blank until the visitor's first scroll.
	 */
	public static function script_tag( string $tag, string $handle ): string {
		if ( self::HANDLE !== $handle && self::HANDLE . '-de' !== $handle ) {
			return $tag;
		}
		return str_replace( ' src=', ' defer nowprocket data-no-optimize="1" data-no-defer="1" data-cfasync="false" src=', $tag );
	}

	// The blocks: attributes as the editor saved them (camelCase).
	public static function block_session( array $attributes ): string {
		return self::session( self::from_block( $attributes ) );
	}

	public static function block_pricing( array $attributes ): string {
		return self::pricing( self::from_block( $attributes ) );
	}

	public static function block_balance( array $attributes ): string {
		return self::balance( self::from_block( $attributes ) );
	}

	// The shortcodes: `max_duration` or `max-duration`, as the owner types them.
	public static function shortcode_session( $atts ): string {
		return self::session( self::from_shortcode( $atts ) );
	}

	public static function shortcode_pricing( $atts ): string {
		return self::pricing( self::from_shortcode( $atts ) );
	}

	public static function shortcode_balance( $atts ): string {
		return self::balance( self::from_shortcode( $atts ) );
	}

	/** `maxDuration` → `max_duration`. */
	private static function from_block( array $attributes ): array {
		$out = array();
		foreach ( $attributes as $name => $value ) {
			$out[ strtolower( (string) preg_replace( '/[A-Z]/', '_$0', (string) $name ) ) ] = $value;
		}
		return $out;
	}

	/** `max-duration` → `max_duration`. */
	private static function from_shortcode( $atts ): array {
		$out = array();
		foreach ( is_array( $atts ) ? $atts : array() as $name => $value ) {
			if ( is_int( $name ) ) {
				// A bare word: `[reactor_session controls]`.
				$out[ str_replace( '-', '_', strtolower( (string) $value ) ) ] = true;
			} else {
				$out[ str_replace( '-', '_', strtolower( (string) $name ) ) ] = $value;
			}
		}
		return $out;
	}

	/** `<reactor-session>` with its token route on this site. */
	private static function session( array $a ): string {
		$problems = array();
		$model = self::model( $a, $problems );
		$max_duration = self::whole( $a, 'max_duration', Reactor_Elements_Settings::max_duration(), 1, Reactor_Elements_Settings::max_duration(), $problems );
		$idle = self::whole( $a, 'idle_timeout', 60, 0, 3600, $problems );
		$max_cost = self::whole( $a, 'max_cost', 0, 0, PHP_INT_MAX, $problems );
		$token_url = wp_make_link_relative( add_query_arg( 'model', rawurlencode( $model ), Reactor_Elements_Token_Route::url( '/token' ) ) );
		$attributes = array(
			'model'        => $model,
			'token-url'    => $token_url,
			'max-duration' => (string) $max_duration,
			'idle-timeout' => (string) $idle,
		);
		if ( $max_cost > 0 ) {
			$attributes['max-cost'] = (string) $max_cost;
		}
		if ( self::flag( $a['controls'] ?? true ) ) {
			$attributes['controls'] = '';
		}
		$fallback = '<div class="reactor-elements-fallback">' . esc_html( $model ) . ' · ' . esc_html__( 'live session', 'reactor-elements' ) . '</div>';
		return self::element( 'reactor-session', $attributes, $a, $problems, $fallback );
	}

	/** `<reactor-pricing>`: the platform's live prices. */
	private static function pricing( array $a ): string {
		$problems = array();
		$model = self::model( $a, $problems, true );
		$attributes = '' === $model ? array() : array( 'model' => $model );
		return self::element( 'reactor-pricing', $attributes, $a, $problems, '<span>' . esc_html__( 'Live prices', 'reactor-elements' ) . '</span>' );
	}

	/** `<reactor-balance>` from this site's balance route: only when the owner turned it on. */
	private static function balance( array $a ): string {
		if ( ! Reactor_Elements_Settings::get( 'balance_enabled' ) ) {
			$note = esc_html__( 'Reactor balance: off. Turn it on under Settings → Reactor to show it here.', 'reactor-elements' );
			return current_user_can( 'edit_posts' ) ? '<p class="reactor-elements-notice">' . $note . '</p>' : '<!-- ' . $note . ' -->';
		}
		$problems = array();
		$attributes = array( 'src' => wp_make_link_relative( Reactor_Elements_Token_Route::url( '/balance' ) ) );
		$low = self::whole( $a, 'low_threshold', 0, 0, PHP_INT_MAX, $problems );
		if ( $low > 0 ) {
			$attributes['low-threshold'] = (string) $low;
		}
		$topup = trim( (string) ( $a['topup_url'] ?? '' ) );
		if ( '' !== $topup ) {
			if ( Reactor_Elements_Settings::origin_of( $topup ) ) {
				$attributes['topup-url'] = esc_url_raw( $topup );
			} else {
				/* translators: %s: what the owner typed. */
				$problems[] = sprintf( __( 'topup_url "%s" is not an http(s) URL: no top-up link.', 'reactor-elements' ), $topup );
			}
		}
		return self::element( 'reactor-balance', $attributes, $a, $problems, '' );
	}

	/**
	 * The element, its script enqueued: `lang`, the accent colour and the API origin (when it is
	 * not the platform's) added; each value escaped. Problems with the owner's attributes are
	 * shown to people who can edit posts, and left as a comment for everyone else.
	 */
	private static function element( string $tag, array $attributes, array $a, array $problems, string $fallback ): string {
		$lang = strtolower( trim( (string) ( $a['lang'] ?? '' ) ) );
		if ( '' !== $lang && ! in_array( $lang, self::LANGUAGES, true ) ) {
			/* translators: 1: what the owner typed, 2: the languages there are. */
			$problems[] = sprintf( __( 'lang "%1$s" is not one of %2$s: English used.', 'reactor-elements' ), $lang, implode( ', ', self::LANGUAGES ) );
			$lang = '';
		}
		if ( '' !== $lang && 'en' !== $lang ) {
			$attributes['lang'] = $lang;
			wp_enqueue_script( self::HANDLE . '-de' );
		}
		$accent = trim( (string) ( $a['accent'] ?? '' ) );
		if ( '' !== $accent ) {
			if ( preg_match( '/^#[0-9a-f]{3}([0-9a-f]{3})?$/i', $accent ) ) {
				$attributes['style'] = '--reactor-accent: ' . $accent;
			} else {
				/* translators: %s: what the owner typed. */
				$problems[] = sprintf( __( 'accent "%s" is not a colour like #3b5bdb: the default used.', 'reactor-elements' ), $accent );
			}
		}
		$api = Reactor_Elements_Settings::api_url();
		if ( Reactor_Elements_Settings::DEFAULT_API !== $api ) {
			$attributes['api-url'] = $api;
		}
		wp_enqueue_script( self::HANDLE );
		$html = '<' . $tag;
		foreach ( $attributes as $name => $value ) {
			$html .= '' === $value ? ' ' . $name : ' ' . $name . '="' . esc_attr( $value ) . '"';
		}
		$html .= '>' . $fallback . '</' . $tag . '>';
		return self::problems( $tag, $problems ) . $html;
	}

	private static function problems( string $tag, array $problems ): string {
		if ( ! $problems ) {
			return '';
		}
		$text = '<' . $tag . '>: ' . implode( ' ', $problems );
		if ( current_user_can( 'edit_posts' ) ) {
			return '<p class="reactor-elements-notice" role="note">' . esc_html( $text ) . '</p>';
		}
		// A comment ends at the first `--`: none is left in it (nothing else in it is markup).
		return '<!-- ' . str_replace( '--', '—', $text ) . ' -->';
	}

	/** The model: a platform model name; `helios` when none is given (pricing: every model). */
	private static function model( array $a, array &$problems, bool $optional = false ): string {
		$model = trim( (string) ( $a['model'] ?? '' ) );
		if ( '' === $model ) {
			return $optional ? '' : 'helios';
		}
		if ( ! preg_match( '/^[a-z0-9][a-z0-9._\/-]{0,99}$/i', $model ) ) {
			/* translators: %s: what the owner typed. */
			$problems[] = sprintf( __( 'model "%s" is not a model name: helios used.', 'reactor-elements' ), $model );
			return 'helios';
		}
		return Reactor_Elements_Settings::short_model( $model );
	}

	/** A whole number within bounds, else the default and a problem. */
	private static function whole( array $a, string $name, int $default, int $min, int $max, array &$problems ): int {
		$said = str_replace( '_', '-', $name );
		if ( ! isset( $a[ $name ] ) || '' === trim( (string) $a[ $name ] ) ) {
			return $default;
		}
		$raw = trim( (string) $a[ $name ] );
		if ( ! is_numeric( $raw ) || (float) $raw < $min ) {
			/* translators: 1: the attribute, 2: what the owner typed, 3: the value used, 4: the smallest value. */
			$problems[] = sprintf( __( '%1$s "%2$s" is not a number of at least %4$d: %3$d used.', 'reactor-elements' ), $said, $raw, $default, $min );
			return $default;
		}
		if ( (float) $raw > $max ) {
			/* translators: 1: the attribute, 2: what the owner typed, 3: the value used. */
			$problems[] = sprintf( __( '%1$s "%2$s" is over %3$d (the most this site allows): %3$d used.', 'reactor-elements' ), $said, $raw, $max );
			return $max;
		}
		return (int) floor( (float) $raw );
	}

	/** A yes/no attribute: false for false, "false", "0", "no", "off". */
	private static function flag( $value ): bool {
		if ( is_bool( $value ) ) {
			return $value;
		}
		return ! in_array( strtolower( trim( (string) $value ) ), array( 'false', '0', 'no', 'off' ), true );
	}
}
