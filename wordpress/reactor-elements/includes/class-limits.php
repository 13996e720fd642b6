<?php
/**
 * The token route's limits, counted before any call to Reactor: tokens per visitor and per site
 * in a minute, and the day's worst-case spend under the owner's ceiling. Counted in the object
 * cache where the site has a persistent one (atomic increments), else in transients.
 *
 * @package ReactorElements
 */

defined( 'ABSPATH' ) || exit;

/**
 * Fixed one-minute windows and a UTC day's reservations.
 */
final class Reactor_Elements_Limits {

	const GROUP = 'reactor-elements';
	const SPEND_OPTION = 'reactor_elements_spend';

	/**
	 * Takes one token from every limit at once, or none: null when the token may be minted, else
	 * `[code, message, retry_after_seconds]` for the 429.
	 *
	 * @param string     $client  Who asks (the visitor's address, or what the `reactor_elements_client_key` filter says).
	 * @param float|null $cost    The token's worst-case credits when a daily ceiling applies.
	 */
	public static function take( string $client, ?float $cost, int $now ): ?array {
		$window = intdiv( $now, 60 );
		$retry = 60 - ( $now % 60 );
		$visitor_key = 'rl_v_' . md5( $client ) . '_' . $window;
		$site_key = 'rl_s_' . $window;
		$per_visitor = Reactor_Elements_Settings::number( 'per_visitor' );
		$per_site = Reactor_Elements_Settings::number( 'per_site' );
		if ( self::count( $visitor_key ) >= $per_visitor ) {
			return array( 'rate-limited', __( 'Too many token requests.', 'reactor-elements' ), $retry, "visitor {$client} asked for more than {$per_visitor} tokens a minute" );
		}
		if ( self::count( $site_key ) >= $per_site ) {
			return array( 'rate-limited', __( 'Too many token requests.', 'reactor-elements' ), $retry, "the site asked for more than {$per_site} tokens a minute" );
		}
		if ( null !== $cost ) {
			$ceiling = (float) Reactor_Elements_Settings::number( 'daily_ceiling', 0 );
			$day = gmdate( 'Y-m-d', $now );
			$spend = self::spend( $day );
			if ( $spend + $cost > $ceiling ) {
				$midnight = strtotime( $day . ' 00:00:00 UTC' ) + 86400;
				return array( 'daily-ceiling', __( 'The site has reached its sessions for today.', 'reactor-elements' ), max( 1, $midnight - $now ), "the day's reservations would pass the daily ceiling {$ceiling} (each token reserves {$cost} credits)" );
			}
			update_option( self::SPEND_OPTION, array( 'day' => $day, 'credits' => $spend + $cost ), false );
		}
		self::increment( $visitor_key );
		self::increment( $site_key );
		return null;
	}

	/** Credits reserved today. */
	public static function spend( string $day ): float {
		$spend = get_option( self::SPEND_OPTION, array() );
		return is_array( $spend ) && ( $spend['day'] ?? '' ) === $day ? (float) $spend['credits'] : 0.0;
	}

	private static function count( string $key ): int {
		if ( wp_using_ext_object_cache() ) {
			return (int) wp_cache_get( $key, self::GROUP );
		}
		return (int) get_transient( 'reactor_elements_' . $key );
	}

	private static function increment( string $key ): void {
		if ( wp_using_ext_object_cache() ) {
			wp_cache_add( $key, 0, self::GROUP, 120 );
			wp_cache_incr( $key, 1, self::GROUP );
			return;
		}
		$name = 'reactor_elements_' . $key;
		set_transient( $name, 1 + (int) get_transient( $name ), 120 );
	}
}
