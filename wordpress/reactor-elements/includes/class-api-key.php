<?php
/**
 * The Reactor API key: from a `REACTOR_API_KEY` constant in wp-config.php, else the environment
 * variable, else the settings page, where it is kept encrypted (AES-256-CTR with an HMAC, under a
 * key derived from the site's `LOGGED_IN` salt: a database dump alone does not give it), never
 * autoloaded, and shown masked. Server-side only: nothing here is ever printed.
 *
 * @package ReactorElements
 */

defined( 'ABSPATH' ) || exit;

/**
 * Where the key comes from, the key, and its encrypted copy.
 */
final class Reactor_Elements_Api_Key {

	const OPTION = 'reactor_elements_api_key';
	const NAME = 'REACTOR_API_KEY';

	/** Where the key comes from: 'constant', 'environment', 'settings' or 'none'. */
	public static function source(): string {
		if ( defined( self::NAME ) && '' !== trim( (string) constant( self::NAME ) ) ) {
			return 'constant';
		}
		$env = getenv( self::NAME );
		if ( is_string( $env ) && '' !== trim( $env ) ) {
			return 'environment';
		}
		return '' !== self::stored_key() ? 'settings' : 'none';
	}

	/** The API key, or '' when none is set. Server-side only: never print it. */
	public static function get(): string {
		switch ( self::source() ) {
			case 'constant':
				return trim( (string) constant( self::NAME ) );
			case 'environment':
				return trim( (string) getenv( self::NAME ) );
			case 'settings':
				return self::stored_key();
		}
		return '';
	}

	/** The key as the settings page shows it: its first three and last four characters. */
	public static function masked(): string {
		$key = self::get();
		if ( '' === $key ) {
			return '';
		}
		return strlen( $key ) <= 10 ? str_repeat( '•', 8 ) : substr( $key, 0, 3 ) . '…' . substr( $key, -4 );
	}

	/** Stores the key encrypted (never autoloaded), or removes it for ''. */
	public static function store( string $key ): void {
		$key = trim( $key );
		if ( '' === $key ) {
			delete_option( self::OPTION );
			return;
		}
		update_option( self::OPTION, self::encrypt( $key ), false );
	}

	/** Whether a key is stored but cannot be read (the site's salts changed since). */
	public static function unreadable(): bool {
		$stored = get_option( self::OPTION, '' );
		return is_string( $stored ) && '' !== $stored && '' === self::stored_key();
	}

	private static function stored_key(): string {
		$stored = get_option( self::OPTION, '' );
		return is_string( $stored ) && '' !== $stored ? self::decrypt( $stored ) : '';
	}

	/** A key derived from the site's own salts (wp-config.php), so a database dump alone cannot read it. */
	private static function cipher_key(): string {
		return hash( 'sha256', wp_salt( 'logged_in' ) . '|reactor-elements', true );
	}

	private static function encrypt( string $plain ): string {
		if ( ! function_exists( 'openssl_encrypt' ) ) {
			return 'plain:' . base64_encode( $plain );
		}
		$iv = random_bytes( 16 );
		$sealed = openssl_encrypt( $plain, 'aes-256-ctr', self::cipher_key(), OPENSSL_RAW_DATA, $iv );
		$mac = hash_hmac( 'sha256', $iv . $sealed, self::cipher_key(), true );
		return 'v1:' . base64_encode( $iv . $mac . $sealed );
	}

	private static function decrypt( string $stored ): string {
		if ( str_starts_with( $stored, 'plain:' ) ) {
			return (string) base64_decode( substr( $stored, 6 ), true );
		}
		if ( ! str_starts_with( $stored, 'v1:' ) || ! function_exists( 'openssl_decrypt' ) ) {
			return '';
		}
		$raw = base64_decode( substr( $stored, 3 ), true );
		if ( false === $raw || strlen( $raw ) < 48 ) {
			return '';
		}
		$iv = substr( $raw, 0, 16 );
		$mac = substr( $raw, 16, 32 );
		$sealed = substr( $raw, 48 );
		if ( ! hash_equals( hash_hmac( 'sha256', $iv . $sealed, self::cipher_key(), true ), $mac ) ) {
			return '';
		}
		$plain = openssl_decrypt( $sealed, 'aes-256-ctr', self::cipher_key(), OPENSSL_RAW_DATA, $iv );
		return false === $plain ? '' : $plain;
	}
}
