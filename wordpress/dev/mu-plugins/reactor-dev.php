<?php
/**
 * The local site's stand-ins for what real sites have, for trying the plugin and for its tests:
 * - `?strict-csp` on any page sends a strict Content-Security-Policy (scripts from this origin
 *   only, no inline script), as a hardened site would;
 * - while the file `close-rest.flag` sits beside wp-config.php, the REST API refuses visitors who
 *   are not logged in, as security plugins do ("Disable REST API" and the like);
 * - no mail leaves it (a local machine has no mail server).
 */
add_filter( 'pre_wp_mail', '__return_true' );
add_action(
	'send_headers',
	static function () {
		if ( isset( $_GET['strict-csp'] ) ) { // phpcs:ignore WordPress.Security.NonceVerification
			header( "Content-Security-Policy: script-src 'self'; object-src 'none'; base-uri 'none'" );
		}
	}
);
add_filter(
	'rest_authentication_errors',
	static function ( $result ) {
		if ( file_exists( ABSPATH . 'close-rest.flag' ) && ! is_user_logged_in() ) {
			return new WP_Error( 'rest_login_required', 'The REST API is closed to visitors.', array( 'status' => 401 ) );
		}
		return $result;
	},
	99
);
