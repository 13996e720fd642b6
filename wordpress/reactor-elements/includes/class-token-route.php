<?php
/**
 * The token route, inside WordPress: `GET|POST /wp-json/reactor-elements/v1/token` (also
 * `?rest_route=/reactor-elements/v1/token` on sites without pretty permalinks). It does what the
 * package's Node token broker does: the page's origin, then every limit, then a short-lived token
 * from Reactor scoped to one model, answered as `{jwt, expires_at}`; refusals as
 * `{error, code, message}`. It needs no nonce, so a page served from a full-page cache still
 * works, and it never prints the key.
 *
 * Also: `GET …/balance` (only when the owner turns it on) and `GET …/ping` (is the REST API
 * open to visitors?).
 *
 * @package ReactorElements
 */

defined( 'ABSPATH' ) || exit;

/**
 * The plugin's public REST routes.
 */
final class Reactor_Elements_Token_Route {

	const NAMESPACE = 'reactor-elements/v1';

	public static function register(): void {
		register_rest_route(
			self::NAMESPACE,
			'/token',
			array(
				'methods'             => array( 'GET', 'POST' ),
				'callback'            => array( self::class, 'token' ),
				'permission_callback' => '__return_true',
			)
		);
		register_rest_route(
			self::NAMESPACE,
			'/balance',
			array(
				'methods'             => 'GET',
				'callback'            => array( self::class, 'balance' ),
				'permission_callback' => '__return_true',
			)
		);
		register_rest_route(
			self::NAMESPACE,
			'/ping',
			array(
				'methods'             => 'GET',
				'callback'            => static fn() => self::reply( 200, array( 'ok' => true ), null ),
				'permission_callback' => '__return_true',
			)
		);
	}

	/** The URL of a route, as this site writes REST URLs (pretty or `?rest_route=`). */
	public static function url( string $route ): string {
		return rest_url( self::NAMESPACE . $route );
	}

	/** `POST|GET …/token`. */
	public static function token( WP_REST_Request $request ): WP_REST_Response {
		$origin = self::origin_of( $request );
		if ( null === $origin || ! in_array( $origin, Reactor_Elements_Settings::origins(), true ) ) {
			return self::refuse( 403, 'origin-not-allowed', __( 'This origin may not request tokens.', 'reactor-elements' ), 'origin ' . ( $origin ?? '(none)' ) . ' is not an allowed origin (Settings → Reactor)', null );
		}
		$models = self::models_for( $request, $origin );
		if ( $models instanceof WP_REST_Response ) {
			return $models;
		}
		$cost = null;
		if ( Reactor_Elements_Settings::number( 'daily_ceiling', 0 ) > 0 ) {
			$rates = Reactor_Elements_Upstream::rates();
			if ( is_wp_error( $rates ) ) {
				return self::refuse( 503, 'pricing-unavailable', __( 'Tokens are not available right now.', 'reactor-elements' ), 'the daily ceiling needs the price list: ' . $rates->get_error_message(), $origin, array( 'Retry-After' => '30' ) );
			}
			$known = array_intersect_key( $rates, array_flip( $models ) );
			if ( count( $known ) < count( $models ) ) {
				return self::refuse( 503, 'pricing-unavailable', __( 'Tokens are not available right now.', 'reactor-elements' ), 'the daily ceiling needs a price for ' . implode( ', ', $models ), $origin, array( 'Retry-After' => '30' ) );
			}
			$cost = Reactor_Elements_Settings::number( 'max_sessions' ) * Reactor_Elements_Settings::max_duration() * max( $known );
		}
		$client = (string) apply_filters( 'reactor_elements_client_key', (string) ( $_SERVER['REMOTE_ADDR'] ?? '(unknown)' ), $request ); // phpcs:ignore WordPress.Security.ValidatedSanitizedInput
		$limited = Reactor_Elements_Limits::take( $client, $cost, time() );
		if ( null !== $limited ) {
			[ $code, $message, $retry, $why ] = $limited;
			return self::refuse( 429, $code, $message, $why, $origin, array( 'Retry-After' => (string) $retry ) );
		}
		$token = Reactor_Elements_Upstream::mint( $models );
		if ( is_wp_error( $token ) ) {
			$data = $token->get_error_data();
			return self::refuse( (int) $data['status'], $token->get_error_code(), $token->get_error_message(), $data['why'], $origin );
		}
		return self::reply( 200, $token, $origin );
	}

	/**
	 * The models the token may start: the one asked for (`?model=` or a JSON body's `model`),
	 * within the owner's list (or the platform's price list when the owner lists none).
	 *
	 * @return string[]|WP_REST_Response
	 */
	private static function models_for( WP_REST_Request $request, string $origin ) {
		$asked = $request->get_param( 'model' );
		if ( ! is_string( $asked ) || '' === trim( $asked ) ) {
			$body = json_decode( (string) $request->get_body(), true );
			$asked = is_array( $body ) && is_string( $body['model'] ?? null ) ? $body['model'] : '';
		}
		$allowed = Reactor_Elements_Settings::models();
		if ( ! $allowed ) {
			$rates = Reactor_Elements_Upstream::rates();
			if ( is_wp_error( $rates ) ) {
				return self::refuse( 503, 'pricing-unavailable', __( 'Tokens are not available right now.', 'reactor-elements' ), 'no models are listed, and the price list that names them failed: ' . $rates->get_error_message(), $origin, array( 'Retry-After' => '30' ) );
			}
			$allowed = array_keys( $rates );
		}
		if ( '' === trim( $asked ) ) {
			return $allowed;
		}
		$wanted = Reactor_Elements_Settings::short_model( $asked );
		if ( in_array( $wanted, $allowed, true ) ) {
			return array( $wanted );
		}
		$name = mb_substr( $asked, 0, 100 );
		/* translators: %s: the model name the page asked for. */
		return self::refuse( 400, 'unknown-model', sprintf( __( 'Unknown model: %s', 'reactor-elements' ), $name ), 'model "' . $name . '" is not an allowed model', $origin );
	}

	/** `GET …/balance`: the account balance from the owner's source, when the owner turned it on. */
	public static function balance( WP_REST_Request $request ): WP_REST_Response {
		$origin = self::origin_of( $request );
		if ( ! Reactor_Elements_Settings::get( 'balance_enabled' ) ) {
			return self::refuse( 404, 'balance-off', __( 'The balance is not shown on this site.', 'reactor-elements' ), null, null );
		}
		if ( null === $origin || ! in_array( $origin, Reactor_Elements_Settings::origins(), true ) ) {
			return self::refuse( 403, 'origin-not-allowed', __( 'This origin may not read the balance.', 'reactor-elements' ), 'balance asked from origin ' . ( $origin ?? '(none)' ), null );
		}
		$balance = Reactor_Elements_Upstream::balance();
		if ( is_wp_error( $balance ) ) {
			return self::refuse( 502, 'balance-unavailable', __( 'The balance is not available right now.', 'reactor-elements' ), $balance->get_error_message(), $origin );
		}
		return self::reply( 200, $balance, $origin );
	}

	/** The page's origin: the Origin header, else the Referer's (same-origin GETs send no Origin). */
	private static function origin_of( WP_REST_Request $request ): ?string {
		$header = $request->get_header( 'origin' );
		if ( ! $header || 'null' === $header ) {
			$header = $request->get_header( 'referer' );
		}
		return $header && 'null' !== $header ? Reactor_Elements_Settings::origin_of( $header ) : null;
	}

	/** A JSON answer that no cache keeps. */
	private static function reply( int $status, ?array $body, ?string $origin, array $headers = array() ): WP_REST_Response {
		$response = new WP_REST_Response( $body, $status );
		$response->set_headers(
			array_merge(
				array(
					'Cache-Control' => 'no-store',
					'Vary'          => 'Origin',
				),
				$origin ? array( 'Access-Control-Allow-Origin' => $origin ) : array(),
				$headers
			)
		);
		return $response;
	}

	/** A refusal: `{error, code, message}` for the page, one line for the owner's log. */
	private static function refuse( int $status, string $code, string $message, ?string $why, ?string $origin, array $headers = array() ): WP_REST_Response {
		if ( null !== $why ) {
			$line = "[reactor-elements token route] {$status} {$code}: {$why}";
			error_log( Reactor_Elements_Upstream::masked( $line ) ); // phpcs:ignore WordPress.PHP.DevelopmentFunctions
			Reactor_Elements_Upstream::remember_error( $line );
		}
		return self::reply(
			$status,
			array(
				'error'   => $message,
				'code'    => $code,
				'message' => $message,
			),
			$origin,
			$headers
		);
	}
}
