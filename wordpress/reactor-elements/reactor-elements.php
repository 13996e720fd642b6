<?php
/**
 * Plugin Name:       Reactor Elements
 * Description:       A live Reactor GPU session, its prices and your balance on any page, as blocks or shortcodes. Its token route runs inside WordPress: no second host, and the bill kept under control.
 * Version:           0.1.0
 * Requires at least: 6.1
 * Requires PHP:      8.1
 * Author:            reactor-elements
 * License:           GPL-2.0-or-later
 * License URI:       https://www.gnu.org/licenses/gpl-2.0.html
 * Text Domain:       reactor-elements
 *
 * @package ReactorElements
 */

defined( 'ABSPATH' ) || exit;

define( 'REACTOR_ELEMENTS_VERSION', '0.1.0' );
define( 'REACTOR_ELEMENTS_FILE', __FILE__ );
define( 'REACTOR_ELEMENTS_DIR', __DIR__ );

require_once __DIR__ . '/includes/class-settings.php';
require_once __DIR__ . '/includes/class-api-key.php';
require_once __DIR__ . '/includes/class-limits.php';
require_once __DIR__ . '/includes/class-upstream.php';
require_once __DIR__ . '/includes/class-token-route.php';
require_once __DIR__ . '/includes/class-render.php';
require_once __DIR__ . '/includes/class-admin-page.php';

add_action( 'rest_api_init', array( 'Reactor_Elements_Token_Route', 'register' ) );
add_action( 'init', array( 'Reactor_Elements_Render', 'register' ) );
if ( is_admin() ) {
	Reactor_Elements_Admin_Page::hook();
}
