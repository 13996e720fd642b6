<?php
/**
 * The router of PHP's built-in server for WordPress: a file or folder that exists is served as
 * it is (PHP runs .php files, and a folder's index.php); every other path is WordPress's
 * (pretty permalinks, /wp-json/).
 */
$path = (string) parse_url( $_SERVER['REQUEST_URI'], PHP_URL_PATH );
if ( '/' !== $path && file_exists( $_SERVER['DOCUMENT_ROOT'] . $path ) ) {
	return false;
}
$_SERVER['SCRIPT_NAME'] = '/index.php';
$_SERVER['SCRIPT_FILENAME'] = $_SERVER['DOCUMENT_ROOT'] . '/index.php';
require $_SERVER['DOCUMENT_ROOT'] . '/index.php';
