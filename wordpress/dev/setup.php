<?php
/**
 * Installs the local site (run by PHP's command line, once per site): WordPress, pretty
 * permalinks, the plugin active with its settings (the key saved through them, the emulator as
 * the API origin), an Administrator and an Author with application passwords, and the Author's
 * sample page with the pricing and session blocks. Prints what it made as JSON.
 *
 * Environment: SITE_URL, REACTOR_DEV_API_URL, REACTOR_DEV_API_KEY, ADMIN_PASSWORD, AUTHOR_PASSWORD.
 */
define( 'WP_INSTALLING', true );
$_SERVER['HTTP_HOST'] = parse_url( getenv( 'SITE_URL' ), PHP_URL_HOST ) . ':' . parse_url( getenv( 'SITE_URL' ), PHP_URL_PORT );
require __DIR__ . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';

$installed = wp_install( 'Reactor on WordPress', 'admin', 'admin@example.test', false, '', getenv( 'ADMIN_PASSWORD' ) );
global $wp_rewrite;
$wp_rewrite->set_permalink_structure( '/%postname%/' );
update_option( 'blogdescription', 'A local site with the Reactor Elements plugin' );
flush_rewrite_rules( false );

$activated = activate_plugin( 'reactor-elements/reactor-elements.php' );
if ( is_wp_error( $activated ) ) {
	fwrite( STDERR, 'The plugin did not activate: ' . $activated->get_error_message() . "\n" );
	exit( 1 );
}
Reactor_Elements_Api_Key::store( getenv( 'REACTOR_DEV_API_KEY' ) );
update_option(
	Reactor_Elements_Settings::OPTION,
	array_merge( Reactor_Elements_Settings::defaults(), array( 'api_url' => getenv( 'REACTOR_DEV_API_URL' ), 'balance_enabled' => true, 'balance_source' => getenv( 'REACTOR_DEV_API_URL' ) . '/api/reactor-balance' ) )
);

$author = wp_insert_user(
	array(
		'user_login'   => 'author',
		'user_pass'    => getenv( 'AUTHOR_PASSWORD' ),
		'user_email'   => 'author@example.test',
		'role'         => 'author',
		'display_name' => 'Ada Author',
	)
);
// The editor's welcome guide, seen already: the editor opens on the post.
foreach ( array( $installed['user_id'], $author ) as $id ) {
	update_user_meta( $id, $GLOBALS['wpdb']->get_blog_prefix() . 'persisted_preferences', array( 'core/edit-post' => array( 'welcomeGuide' => false ), '_modified' => gmdate( 'c' ) ) );
}
$passwords = array();
foreach ( array( 'admin' => $installed['user_id'], 'author' => $author ) as $name => $id ) {
	[ $password ] = WP_Application_Passwords::create_new_application_password( $id, array( 'name' => 'local tests' ) );
	$passwords[ $name ] = $password;
}

// The sample page, as the Author writes it in the editor: kses applies to what they save.
wp_set_current_user( $author );
$sample = wp_insert_post(
	array(
		'post_type'    => 'post',
		'post_status'  => 'publish',
		'post_title'   => 'Try it live',
		'post_name'    => 'try-it-live',
		'post_content' => implode(
			"\n\n",
			array(
				"<!-- wp:paragraph -->\n<p>Type a prompt and watch the world change. The session ends when you leave, after a minute without input, or after five minutes.</p>\n<!-- /wp:paragraph -->",
				'<!-- wp:reactor-elements/pricing {"model":"helios"} /-->',
				'<!-- wp:reactor-elements/session {"model":"helios","maxDuration":300,"idleTimeout":60} /-->',
			)
		),
	),
	true
);
if ( is_wp_error( $sample ) ) {
	fwrite( STDERR, 'The sample page was not saved: ' . $sample->get_error_message() . "\n" );
	exit( 1 );
}

echo wp_json_encode(
	array(
		'adminPassword'  => $passwords['admin'],
		'authorId'       => $author,
		'authorPassword' => $passwords['author'],
		'samplePage'     => get_permalink( $sample ),
		'samplePageId'   => $sample,
	)
);
