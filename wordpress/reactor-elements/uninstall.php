<?php
/**
 * Removes the plugin's settings, its saved key and its counters when the plugin is deleted.
 *
 * @package ReactorElements
 */

defined( 'WP_UNINSTALL_PLUGIN' ) || exit;

foreach ( array( 'reactor_elements_settings', 'reactor_elements_api_key', 'reactor_elements_spend', 'reactor_elements_last_error' ) as $option ) {
	delete_option( $option );
}
delete_transient( 'reactor_elements_pricing' );
delete_transient( 'reactor_elements_balance' );
