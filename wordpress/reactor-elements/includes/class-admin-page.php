<?php
/**
 * Settings → Reactor: the key (with a test that asks Reactor for a token and says what went
 * wrong), the allowed origins and models, the limits, the API origin, the balance, and the
 * state of the pieces: the REST API open to visitors, the key set, the last refusal.
 *
 * @package ReactorElements
 */

defined( 'ABSPATH' ) || exit;

/**
 * The settings page. No script: plain forms.
 */
final class Reactor_Elements_Admin_Page {

	const SLUG = 'reactor-elements';

	public static function hook(): void {
		add_action( 'admin_menu', array( self::class, 'menu' ) );
		add_action( 'admin_init', array( self::class, 'settings' ) );
		add_action( 'admin_post_reactor_elements_test_key', array( self::class, 'test_key' ) );
		add_filter( 'plugin_action_links_' . plugin_basename( REACTOR_ELEMENTS_FILE ), array( self::class, 'action_link' ) );
	}

	public static function menu(): void {
		add_options_page( __( 'Reactor', 'reactor-elements' ), __( 'Reactor', 'reactor-elements' ), 'manage_options', self::SLUG, array( self::class, 'render' ) );
	}

	public static function action_link( array $links ): array {
		array_unshift( $links, '<a href="' . esc_url( admin_url( 'options-general.php?page=' . self::SLUG ) ) . '">' . esc_html__( 'Settings', 'reactor-elements' ) . '</a>' );
		return $links;
	}

	public static function settings(): void {
		register_setting(
			self::SLUG,
			Reactor_Elements_Settings::OPTION,
			array(
				'type'              => 'array',
				'sanitize_callback' => array( 'Reactor_Elements_Settings', 'sanitize' ),
				'show_in_rest'      => false,
			)
		);
	}

	/**
	 * Whether a visitor (no login) can reach the token route: security plugins close the REST API
	 * to visitors through `rest_authentication_errors` or take routes out of `rest_endpoints`.
	 * Returns null when it can, else the reason.
	 */
	public static function rest_problem(): ?string {
		$route = '/' . Reactor_Elements_Token_Route::NAMESPACE . '/token';
		if ( ! array_key_exists( $route, rest_get_server()->get_routes() ) ) {
			return __( 'The token route is not among the REST API routes: a plugin removes it.', 'reactor-elements' );
		}
		$user = get_current_user_id();
		wp_set_current_user( 0 );
		$verdict = apply_filters( 'rest_authentication_errors', null );
		wp_set_current_user( $user );
		if ( is_wp_error( $verdict ) ) {
			/* translators: %s: the error code the REST API answers visitors, e.g. rest_login_required. */
			return sprintf( __( 'The REST API refuses visitors who are not logged in (%s): a security plugin closes it. Visitors cannot get a token, so the player cannot start. Allow the route /wp-json/reactor-elements/v1/ in that plugin’s settings (often under "REST API" or "Disable REST API": an allow list).', 'reactor-elements' ), $verdict->get_error_code() );
		}
		return null;
	}

	/** `admin-post.php?action=reactor_elements_test_key`: asks Reactor for a token with the key. */
	public static function test_key(): void {
		if ( ! current_user_can( 'manage_options' ) ) {
			wp_die( esc_html__( 'You may not change these settings.', 'reactor-elements' ), 403 );
		}
		check_admin_referer( 'reactor_elements_test_key' );
		$models = Reactor_Elements_Settings::models();
		if ( ! $models ) {
			$rates = Reactor_Elements_Upstream::rates();
			$models = is_wp_error( $rates ) ? array( 'helios' ) : array_slice( array_keys( $rates ), 0, 1 );
		}
		$token = Reactor_Elements_Upstream::mint( array_slice( $models, 0, 1 ) );
		if ( is_wp_error( $token ) ) {
			$data = $token->get_error_data();
			$result = array( 'ok' => false, 'line' => Reactor_Elements_Upstream::masked( $data['why'] ?? $token->get_error_message() ) );
		} else {
			/* translators: %s: the Reactor API origin. */
			$result = array( 'ok' => true, 'line' => sprintf( __( 'The key works: %s gave a token.', 'reactor-elements' ), Reactor_Elements_Settings::api_url() ) );
		}
		set_transient( 'reactor_elements_test_' . get_current_user_id(), $result, 60 );
		wp_safe_redirect( admin_url( 'options-general.php?page=' . self::SLUG ) );
		exit;
	}

	public static function render(): void {
		if ( ! current_user_can( 'manage_options' ) ) {
			return;
		}
		$s = Reactor_Elements_Settings::all();
		$name = Reactor_Elements_Settings::OPTION;
		$source = Reactor_Elements_Api_Key::source();
		$test = get_transient( 'reactor_elements_test_' . get_current_user_id() );
		delete_transient( 'reactor_elements_test_' . get_current_user_id() );
		echo '<div class="wrap"><h1>' . esc_html__( 'Reactor', 'reactor-elements' ) . '</h1>';
		if ( is_array( $test ) ) {
			printf( '<div class="notice notice-%s"><p id="reactor-elements-test-result">%s</p></div>', $test['ok'] ? 'success' : 'error', esc_html( $test['line'] ) );
		}
		// The notices of a save: WordPress prints them itself on a page under Settings.
		self::status( $source );

		echo '<form method="post" action="options.php">';
		settings_fields( self::SLUG );
		echo '<h2>' . esc_html__( 'API key', 'reactor-elements' ) . '</h2><table class="form-table" role="presentation">';
		if ( 'constant' === $source || 'environment' === $source ) {
			$where = 'constant' === $source ? __( 'the REACTOR_API_KEY constant in wp-config.php', 'reactor-elements' ) : __( 'the REACTOR_API_KEY environment variable', 'reactor-elements' );
			/* translators: 1: where the key comes from, 2: the masked key. */
			self::row( __( 'Key', 'reactor-elements' ), '<p>' . esc_html( sprintf( __( 'From %1$s: %2$s', 'reactor-elements' ), $where, Reactor_Elements_Api_Key::masked() ) ) . '</p>' );
		} else {
			$masked = Reactor_Elements_Api_Key::masked();
			$field = sprintf( '<input type="password" id="reactor-api-key" name="%s[api_key]" value="" class="regular-text" autocomplete="off" placeholder="%s">', esc_attr( $name ), esc_attr( $masked ? $masked : 'rk_…' ) );
			$help = $masked
				? __( 'A key is saved (shown masked). Type a new one to replace it.', 'reactor-elements' )
				: __( 'Your Reactor API key. It stays on this server, encrypted, and is never printed into a page. A REACTOR_API_KEY constant in wp-config.php takes precedence.', 'reactor-elements' );
			$forget = $masked ? sprintf( '<p><label><input type="checkbox" name="%s[forget_key]" value="1"> %s</label></p>', esc_attr( $name ), esc_html__( 'Remove the saved key', 'reactor-elements' ) ) : '';
			self::row( '<label for="reactor-api-key">' . esc_html__( 'Key', 'reactor-elements' ) . '</label>', $field . '<p class="description">' . esc_html( $help ) . '</p>' . $forget );
		}
		self::text( $name, 'api_url', __( 'API origin', 'reactor-elements' ), $s['api_url'], __( 'Empty: the Reactor platform. Only a local emulator needs another.', 'reactor-elements' ), 'url' );
		echo '</table>';

		echo '<h2>' . esc_html__( 'Who may ask for tokens', 'reactor-elements' ) . '</h2><table class="form-table" role="presentation">';
		/* translators: %s: this site's origins. */
		$own = sprintf( __( 'This site (%s) is always allowed. Add other origins, one per line, e.g. https://shop.example.com.', 'reactor-elements' ), implode( ', ', array_slice( Reactor_Elements_Settings::origins(), 0, 2 ) ) );
		self::row( '<label for="reactor-origins">' . esc_html__( 'Other origins', 'reactor-elements' ) . '</label>', sprintf( '<textarea id="reactor-origins" name="%s[origins]" rows="3" class="large-text code">%s</textarea><p class="description">%s</p>', esc_attr( $name ), esc_textarea( $s['origins'] ), esc_html( $own ) ) );
		self::text( $name, 'models', __( 'Models', 'reactor-elements' ), $s['models'], __( 'Comma-separated, e.g. helios, lingbot. Empty: every model with a public price.', 'reactor-elements' ) );
		echo '</table>';

		echo '<h2>' . esc_html__( 'Limits', 'reactor-elements' ) . '</h2><table class="form-table" role="presentation">';
		self::text( $name, 'per_visitor', __( 'Tokens per visitor a minute', 'reactor-elements' ), $s['per_visitor'], '', 'number' );
		self::text( $name, 'per_site', __( 'Tokens for the whole site a minute', 'reactor-elements' ), $s['per_site'], '', 'number' );
		self::text( $name, 'max_sessions', __( 'Sessions one token may start', 'reactor-elements' ), $s['max_sessions'], '', 'number' );
		self::text( $name, 'max_duration', __( 'Longest session (seconds)', 'reactor-elements' ), $s['max_duration'], __( 'At most 1,200 (the platform’s limit). Players on this site end by then.', 'reactor-elements' ), 'number' );
		self::text( $name, 'daily_ceiling', __( 'Daily credit ceiling', 'reactor-elements' ), $s['daily_ceiling'] ? $s['daily_ceiling'] : '', __( 'Each token reserves its worst case (sessions × longest session × the model’s rate); past the ceiling, no token until midnight UTC. Empty: none.', 'reactor-elements' ), 'number' );
		echo '</table>';

		echo '<h2>' . esc_html__( 'Balance', 'reactor-elements' ) . '</h2><table class="form-table" role="presentation">';
		self::row( esc_html__( 'Show the balance', 'reactor-elements' ), sprintf( '<label><input type="checkbox" name="%s[balance_enabled]" value="1" %s> %s</label>', esc_attr( $name ), checked( ! empty( $s['balance_enabled'] ), true, false ), esc_html__( 'Let the balance block show visitors your account’s credits (off by default).', 'reactor-elements' ) ) );
		self::text( $name, 'balance_source', __( 'Balance source', 'reactor-elements' ), $s['balance_source'], __( 'A URL on your backend that answers {"credits": …}; this site reads it and never shows its address.', 'reactor-elements' ), 'url' );
		echo '</table>';
		submit_button();
		echo '</form>';

		echo '<h2>' . esc_html__( 'Test the key', 'reactor-elements' ) . '</h2>';
		echo '<form method="post" action="' . esc_url( admin_url( 'admin-post.php' ) ) . '"><input type="hidden" name="action" value="reactor_elements_test_key">';
		wp_nonce_field( 'reactor_elements_test_key' );
		echo '<p>' . esc_html__( 'Asks Reactor for a token with the saved key and says what went wrong, if anything. It starts no session.', 'reactor-elements' ) . '</p>';
		submit_button( __( 'Test the key', 'reactor-elements' ), 'secondary', 'submit', false );
		echo '</form>';

		echo '<h2>' . esc_html__( 'Putting a player on a page', 'reactor-elements' ) . '</h2><p>' . esc_html__( 'Use the "Reactor live session", "Reactor prices" and "Reactor balance" blocks, or the shortcodes [reactor_session model="helios"], [reactor_pricing] and [reactor_balance]. Pasting <reactor-session> as HTML does not work for Authors and Contributors: WordPress removes tags it does not know from their posts when they save (only Administrators and Editors may post raw HTML). The block and the shortcode work for everyone.', 'reactor-elements' ) . '</p></div>';
	}

	/** The state of the pieces. */
	private static function status( string $source ): void {
		$rows = array();
		$rest = self::rest_problem();
		$rows[] = array( null === $rest, __( 'REST API open to visitors', 'reactor-elements' ), $rest ?? esc_url_raw( Reactor_Elements_Token_Route::url( '/token' ) ) );
		if ( Reactor_Elements_Api_Key::unreadable() ) {
			$rows[] = array( false, __( 'API key', 'reactor-elements' ), __( 'A key is saved but cannot be read: this site’s salts in wp-config.php changed since. Type the key again.', 'reactor-elements' ) );
		} else {
			$said = array(
				'none'        => __( 'Not set: visitors cannot start a session.', 'reactor-elements' ),
				'constant'    => __( 'Set in wp-config.php (REACTOR_API_KEY)', 'reactor-elements' ),
				'environment' => __( 'Set in the environment (REACTOR_API_KEY)', 'reactor-elements' ),
				'settings'    => __( 'Saved on this page, encrypted', 'reactor-elements' ),
			);
			$rows[] = array( 'none' !== $source, __( 'API key', 'reactor-elements' ), $said[ $source ] );
		}
		$rows[] = array( true, __( 'API origin', 'reactor-elements' ), Reactor_Elements_Settings::api_url() );
		$last = get_option( Reactor_Elements_Upstream::LAST_ERROR_OPTION );
		if ( is_array( $last ) ) {
			/* translators: 1: how long ago, 2: the refusal. */
			$rows[] = array( false, __( 'Last refusal', 'reactor-elements' ), sprintf( __( '%1$s ago: %2$s', 'reactor-elements' ), human_time_diff( (int) $last['at'] ), $last['line'] ) );
		}
		if ( Reactor_Elements_Settings::number( 'daily_ceiling', 0 ) > 0 ) {
			/* translators: 1: credits reserved today, 2: the ceiling. */
			$rows[] = array( true, __( 'Reserved today', 'reactor-elements' ), sprintf( __( '%1$s of %2$s credits', 'reactor-elements' ), number_format_i18n( Reactor_Elements_Limits::spend( gmdate( 'Y-m-d' ) ) ), number_format_i18n( Reactor_Elements_Settings::number( 'daily_ceiling', 0 ) ) ) );
		}
		echo '<h2>' . esc_html__( 'Status', 'reactor-elements' ) . '</h2><table class="widefat striped" id="reactor-elements-status" style="max-width:60rem"><tbody>';
		foreach ( $rows as [ $ok, $label, $text ] ) {
			printf( '<tr><th scope="row">%s %s</th><td>%s</td></tr>', $ok ? '<span aria-hidden="true">✓</span>' : '<span aria-hidden="true">✗</span>', esc_html( $label ) . ( $ok ? '' : ' <span class="screen-reader-text">' . esc_html__( '(needs attention)', 'reactor-elements' ) . '</span>' ), esc_html( $text ) );
		}
		echo '</tbody></table>';
	}

	private static function row( string $label, string $field ): void {
		echo '<tr><th scope="row">' . $label . '</th><td>' . $field . '</td></tr>'; // phpcs:ignore WordPress.Security.EscapeOutput -- built from escaped parts above.
	}

	private static function text( string $option, string $key, string $label, $value, string $help, string $type = 'text' ): void {
		$id = 'reactor-' . str_replace( '_', '-', $key );
		$field = sprintf( '<input type="%s" id="%s" name="%s[%s]" value="%s" class="regular-text"%s>', esc_attr( $type ), esc_attr( $id ), esc_attr( $option ), esc_attr( $key ), esc_attr( (string) $value ), 'number' === $type ? ' min="0"' : '' );
		self::row( '<label for="' . esc_attr( $id ) . '">' . esc_html( $label ) . '</label>', $field . ( $help ? '<p class="description">' . esc_html( $help ) . '</p>' : '' ) );
	}
}
