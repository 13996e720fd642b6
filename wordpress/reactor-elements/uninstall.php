<?php
/**
 * Removes everything the plugin keeps when it is deleted: its settings, its saved key, its last
 * refusal, its minute counts and day reservations, and its cached price list and balance.
 *
 * @package ReactorElements
 */

defined( 'WP_UNINSTALL_PLUGIN' ) || exit;

foreach ( array( 'reactor_elements_settings', 'reactor_elements_api_key', 'reactor_elements_last_error' ) as $option ) {
	delete_option( $option );
}
global $wpdb;
$wpdb->query( $wpdb->prepare( "DELETE FROM {$wpdb->options} WHERE option_name LIKE %s OR option_name LIKE %s", $wpdb->esc_like( 'reactor_elements_rl_' ) . '%', $wpdb->esc_like( 'reactor_elements_spend_' ) . '%' ) );
delete_transient( 'reactor_elements_pricing' );
delete_transient( 'reactor_elements_balance' );
