<?php
/**
 * What the plugin asks Reactor's API, server to server: a token (`POST /tokens`, with the key)
 * and the public price list (`GET /pricing`, kept ten minutes). Upstream answers are never
 * passed on: they could quote the request, key included.
 *
 * @package ReactorElements
 */

defined( 'ABSPATH' ) || exit;

/**
 * Calls to the Reactor API and to the owner's balance source.
 */
final class Reactor_Elements_Upstream {

	const PRICING_TRANSIENT = 'reactor_elements_pricing';
	const LAST_ERROR_OPTION = 'reactor_elements_last_error';

	/**
	 * A token for `$models`: `['jwt' => …, 'expires_at' => …]`, or a WP_Error whose data holds
	 * the HTTP status to answer with and a line for the owner.
	 */
	public static function mint( array $models ) {
		$key = Reactor_Elements_Api_Key::get();
		$api = Reactor_Elements_Settings::api_url();
		if ( '' === $key ) {
			return new WP_Error( 'no-api-key', __( 'Tokens are not available right now.', 'reactor-elements' ), array( 'status' => 503, 'why' => 'no API key is set (Settings → Reactor)' ) );
		}
		$response = wp_remote_post(
			$api . '/tokens',
			array(
				'timeout' => 10,
				'headers' => array(
					'Reactor-API-Key' => $key,
					'Content-Type'    => 'application/json',
				),
				'body'    => wp_json_encode(
					array(
						'expires_after'         => min( 21600, max( 60, Reactor_Elements_Settings::max_duration() + 300 ) ),
						'authorization_details' => array(
							array(
								'type'        => 'session',
								'resources'   => array( 'models' => array( 'match' => array_values( $models ) ) ),
								'constraints' => array( 'max_sessions' => Reactor_Elements_Settings::number( 'max_sessions' ) ),
							),
						),
					)
				),
			)
		);
		if ( is_wp_error( $response ) ) {
			return new WP_Error( 'token-service-unreachable', __( 'The token service could not be reached.', 'reactor-elements' ), array( 'status' => 502, 'why' => "POST {$api}/tokens failed (" . self::masked( $response->get_error_message() ) . ')' ) );
		}
		$status = (int) wp_remote_retrieve_response_code( $response );
		$data = json_decode( (string) wp_remote_retrieve_body( $response ), true );
		if ( $status < 200 || $status > 299 || ! is_array( $data ) || ! is_string( $data['jwt'] ?? null ) || ! is_numeric( $data['expires_at'] ?? null ) ) {
			$hint = ( 401 === $status || 403 === $status ) ? ' (check the API key)' : '';
			/* translators: %d: the HTTP status Reactor answered. */
			return new WP_Error( 'token-service-refused', sprintf( __( 'The token service refused (%d).', 'reactor-elements' ), $status ), array( 'status' => 502, 'why' => "POST {$api}/tokens answered {$status}{$hint}" ) );
		}
		return array(
			'jwt'        => $data['jwt'],
			'expires_at' => 0 + $data['expires_at'],
		);
	}

	/**
	 * The platform's rates, short model name → credits per second, from `GET /pricing` (kept ten
	 * minutes), or a WP_Error.
	 */
	public static function rates() {
		$api = Reactor_Elements_Settings::api_url();
		$held = get_transient( self::PRICING_TRANSIENT );
		if ( is_array( $held ) && ( $held['api'] ?? '' ) === $api ) {
			return $held['rates'];
		}
		$response = wp_remote_get( $api . '/pricing', array( 'timeout' => 10 ) );
		if ( is_wp_error( $response ) || 200 !== (int) wp_remote_retrieve_response_code( $response ) ) {
			$said = is_wp_error( $response ) ? $response->get_error_message() : 'HTTP ' . wp_remote_retrieve_response_code( $response );
			return new WP_Error( 'pricing-unavailable', "GET {$api}/pricing failed ({$said})" );
		}
		$data = json_decode( (string) wp_remote_retrieve_body( $response ), true );
		$rates = array();
		foreach ( ( is_array( $data ) && is_array( $data['models'] ?? null ) ) ? $data['models'] : array() as $model ) {
			$rate = $model['rate']['amount_per_sec'] ?? null;
			if ( is_string( $model['name'] ?? null ) && is_numeric( $rate ) ) {
				$rates[ Reactor_Elements_Settings::short_model( $model['name'] ) ] = (float) $rate;
			}
		}
		if ( ! $rates ) {
			return new WP_Error( 'pricing-unavailable', "GET {$api}/pricing listed no model" );
		}
		set_transient( self::PRICING_TRANSIENT, array( 'api' => $api, 'rates' => $rates ), 10 * MINUTE_IN_SECONDS );
		return $rates;
	}

	/** The owner's balance source, read server-side without the key (kept 30 s), or a WP_Error. */
	public static function balance() {
		$source = (string) Reactor_Elements_Settings::get( 'balance_source' );
		if ( '' === $source ) {
			return new WP_Error( 'balance-unavailable', 'no balance source is set (Settings → Reactor)' );
		}
		$held = get_transient( 'reactor_elements_balance' );
		if ( is_array( $held ) && ( $held['source'] ?? '' ) === $source ) {
			return $held['balance'];
		}
		$response = wp_remote_get( $source, array( 'timeout' => 10 ) );
		$data = is_wp_error( $response ) ? null : json_decode( (string) wp_remote_retrieve_body( $response ), true );
		if ( ! is_array( $data ) || ! is_numeric( $data['credits'] ?? null ) || 200 !== (int) wp_remote_retrieve_response_code( $response ) ) {
			return new WP_Error( 'balance-unavailable', "the balance source {$source} did not answer {credits}" );
		}
		$balance = array_intersect_key( $data, array_flip( array( 'credits', 'mode', 'credit_limit', 'auto_topup' ) ) );
		set_transient( 'reactor_elements_balance', array( 'source' => $source, 'balance' => $balance ), 30 );
		return $balance;
	}

	/** Remembers the last refusal for the settings page (one line, no secret). */
	public static function remember_error( string $line ): void {
		update_option( self::LAST_ERROR_OPTION, array( 'at' => time(), 'line' => self::masked( $line ) ), false );
	}

	/** A line with anything shaped like a key or a token masked. */
	public static function masked( string $line ): string {
		$key = Reactor_Elements_Api_Key::get();
		if ( '' !== $key ) {
			$line = str_replace( $key, '[key]', $line );
		}
		return (string) preg_replace( '/\b(rk_[A-Za-z0-9_-]{4})[A-Za-z0-9_-]+|\beyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_.-]+/', '$1…', $line );
	}
}
