<?php
/**
 * The owner's settings: the API origin, the page origins and models the token route serves, and
 * its limits, with the checks of the settings form. The API key is class-api-key.php's.
 *
 * @package ReactorElements
 */

defined( 'ABSPATH' ) || exit;

/**
 * Reads and writes the plugin's one option, `reactor_elements_settings`.
 */
final class Reactor_Elements_Settings {

	const OPTION = 'reactor_elements_settings';
	const API_NAME = 'REACTOR_API_URL';
	const DEFAULT_API = 'https://api.reactor.inc';
	/** The platform ends every session after 1,200 s. */
	const PLATFORM_MAX_SESSION = 1200;

	/** The settings with their defaults. */
	public static function defaults(): array {
		return array(
			'api_url'          => '',
			'origins'          => '',
			'models'           => '',
			'per_visitor'      => 10,
			'per_site'         => 100,
			'max_sessions'     => 2,
			'max_duration'     => 300,
			'daily_ceiling'    => 0,
			'balance_enabled'  => false,
			'balance_source'   => '',
		);
	}

	/** Every setting, stored values over the defaults. */
	public static function all(): array {
		$stored = get_option( self::OPTION, array() );
		return array_merge( self::defaults(), is_array( $stored ) ? $stored : array() );
	}

	/** One setting. */
	public static function get( string $name ) {
		return self::all()[ $name ] ?? null;
	}

	/**
	 * The Reactor API origin, without a trailing slash: the `REACTOR_API_URL` constant or
	 * environment variable, else the settings page's, else the platform.
	 */
	public static function api_url(): string {
		$url = self::from_config( self::API_NAME );
		if ( '' === $url ) {
			$url = (string) self::get( 'api_url' );
		}
		return rtrim( '' === trim( $url ) ? self::DEFAULT_API : trim( $url ), '/' );
	}

	/** A constant of that name, else an environment variable; '' when neither is set. */
	private static function from_config( string $name ): string {
		if ( defined( $name ) && is_string( constant( $name ) ) ) {
			return trim( constant( $name ) );
		}
		$env = getenv( $name );
		return is_string( $env ) ? trim( $env ) : '';
	}

	/** The page origins allowed to ask for tokens: the site's own, and the ones the owner lists. */
	public static function origins(): array {
		$origins = array();
		foreach ( array( home_url( '/' ), site_url( '/' ) ) as $url ) {
			$origin = self::origin_of( $url );
			if ( $origin ) {
				$origins[] = $origin;
			}
		}
		foreach ( self::lines( (string) self::get( 'origins' ) ) as $line ) {
			$origin = self::origin_of( $line );
			if ( $origin ) {
				$origins[] = $origin;
			}
		}
		return array_values( array_unique( $origins ) );
	}

	/** `scheme://host[:port]` of a URL, lower-cased; null when it is not an http(s) URL. */
	public static function origin_of( string $url ): ?string {
		$parts = wp_parse_url( trim( $url ) );
		if ( ! is_array( $parts ) || empty( $parts['scheme'] ) || empty( $parts['host'] ) ) {
			return null;
		}
		$scheme = strtolower( $parts['scheme'] );
		if ( 'http' !== $scheme && 'https' !== $scheme ) {
			return null;
		}
		$port = isset( $parts['port'] ) ? (int) $parts['port'] : null;
		$default = 'https' === $scheme ? 443 : 80;
		return $scheme . '://' . strtolower( $parts['host'] ) . ( $port && $port !== $default ? ':' . $port : '' );
	}

	/**
	 * The models the owner allows (short names, lower case); empty: every model of the
	 * platform's price list.
	 */
	public static function models(): array {
		$models = array();
		foreach ( preg_split( '/[\s,]+/', (string) self::get( 'models' ) ) as $name ) {
			$short = self::short_model( $name );
			if ( '' !== $short ) {
				$models[] = $short;
			}
		}
		return array_values( array_unique( $models ) );
	}

	/** `reactor/helios` and `Helios` are `helios`. */
	public static function short_model( string $name ): string {
		$name = strtolower( trim( $name ) );
		$slash = strrpos( $name, '/' );
		return false === $slash ? $name : substr( $name, $slash + 1 );
	}

	/** A whole number of at least `min` from a setting, else its default. */
	public static function number( string $name, int $min = 1 ): int {
		$value = self::get( $name );
		return is_numeric( $value ) && (int) $value >= $min ? (int) $value : (int) self::defaults()[ $name ];
	}

	/** The longest session (seconds) the site's pages allow: at most the platform's 1,200. */
	public static function max_duration(): int {
		return min( self::PLATFORM_MAX_SESSION, self::number( 'max_duration' ) );
	}

	/** Non-empty trimmed lines. */
	public static function lines( string $text ): array {
		return array_values( array_filter( array_map( 'trim', preg_split( '/[\r\n]+/', $text ) ) ) );
	}

	/**
	 * Cleans what the settings form sent: numbers within their bounds, origins that are origins
	 * (the rest reported back), an http(s) API origin.
	 */
	public static function sanitize( $input ): array {
		$input = is_array( $input ) ? $input : array();
		$clean = self::all();
		$bounds = array(
			'per_visitor'   => array( 1, 10000, __( 'Tokens per visitor a minute', 'reactor-elements' ) ),
			'per_site'      => array( 1, 100000, __( 'Tokens for the whole site a minute', 'reactor-elements' ) ),
			'max_sessions'  => array( 1, 100, __( 'Sessions one token may start', 'reactor-elements' ) ),
			'max_duration'  => array( 1, self::PLATFORM_MAX_SESSION, __( 'Longest session (seconds)', 'reactor-elements' ) ),
			'daily_ceiling' => array( 0, PHP_INT_MAX, __( 'Daily credit ceiling', 'reactor-elements' ) ),
		);
		foreach ( $bounds as $name => [ $min, $max, $label ] ) {
			if ( ! array_key_exists( $name, $input ) ) {
				continue;
			}
			$raw = trim( (string) $input[ $name ] );
			if ( '' === $raw && 'daily_ceiling' === $name ) {
				$clean[ $name ] = 0;
			} elseif ( is_numeric( $raw ) && (int) $raw >= $min ) {
				$clean[ $name ] = min( $max, (int) $raw );
			} else {
				/* translators: 1: the field's label, 2: what was typed, 3: the smallest value. */
				self::problem( sprintf( __( '%1$s: "%2$s" is not a whole number of at least %3$d; kept the previous value.', 'reactor-elements' ), $label, $raw, $min ) );
			}
		}
		if ( array_key_exists( 'origins', $input ) ) {
			$kept = array();
			foreach ( self::lines( (string) $input['origins'] ) as $line ) {
				$origin = self::origin_of( $line );
				if ( $origin && rtrim( $line, '/' ) === $origin ) {
					$kept[] = $origin;
				} else {
					/* translators: %s: what was typed. */
					self::problem( sprintf( __( 'Origins: "%s" is not an origin (https://example.com: the scheme and host only); left out.', 'reactor-elements' ), $line ) );
				}
			}
			$clean['origins'] = implode( "\n", $kept );
		}
		if ( array_key_exists( 'models', $input ) ) {
			$clean['models'] = implode( ', ', array_unique( array_filter( array_map( array( self::class, 'short_model' ), preg_split( '/[\s,]+/', (string) $input['models'] ) ) ) ) );
		}
		foreach ( array( 'api_url', 'balance_source' ) as $name ) {
			if ( ! array_key_exists( $name, $input ) ) {
				continue;
			}
			$url = trim( (string) $input[ $name ] );
			if ( '' === $url || self::origin_of( $url ) ) {
				$clean[ $name ] = esc_url_raw( $url );
			} else {
				/* translators: %s: what was typed. */
				self::problem( sprintf( __( '"%s" is not an http(s) URL; kept the previous value.', 'reactor-elements' ), $url ) );
			}
		}
		$clean['balance_enabled'] = ! empty( $input['balance_enabled'] );
		if ( isset( $input['api_key'] ) && '' !== trim( (string) $input['api_key'] ) ) {
			$key = trim( (string) $input['api_key'] );
			if ( preg_match( '/\s/', $key ) ) {
				self::problem( __( 'The API key holds a space or a line break (two keys pasted?): not saved.', 'reactor-elements' ) );
			} else {
				Reactor_Elements_Api_Key::store( $key );
			}
		}
		if ( ! empty( $input['forget_key'] ) ) {
			Reactor_Elements_Api_Key::store( '' );
		}
		unset( $clean['api_key'], $clean['forget_key'] );
		return $clean;
	}

	private static function problem( string $message ): void {
		if ( function_exists( 'add_settings_error' ) ) {
			add_settings_error( self::OPTION, 'reactor-elements', $message );
		}
	}
}
