<?php
/**
 * The token route's limits, taken before any call to Reactor: tokens per visitor and per site in
 * a minute, and the day's worst-case spend under the owner's ceiling. All or nothing, and each
 * step atomic, so a burst of requests at once cannot pass a limit: in the object cache where the
 * site has a persistent one (an increment, then a step back when it went past), else in the
 * database (a conditional UPDATE that only one request can win for the last slot).
 *
 * @package ReactorElements
 */

defined( 'ABSPATH' ) || exit;

/**
 * Fixed one-minute windows and a UTC day's reservations.
 */
final class Reactor_Elements_Limits {

	const GROUP = 'reactor-elements';
	/** Rows of the options table: `<prefix>rl_<minute>_…` and `<prefix>spend_<day>`. */
	const PREFIX = 'reactor_elements_';

	/**
	 * Takes one token from every limit at once, or none: null when the token may be minted, else
	 * `[code, message, retry_after_seconds, line for the owner]` for the 429.
	 *
	 * @param string     $client Who asks (the visitor's address, or what the `reactor_elements_client_key` filter says).
	 * @param float|null $cost   The token's worst-case credits when a daily ceiling applies.
	 * @param int        $now    Unix time.
	 */
	public static function take( string $client, ?float $cost, int $now ): ?array {
		$window = intdiv( $now, 60 );
		$retry = 60 - ( $now % 60 );
		$per_visitor = Reactor_Elements_Settings::number( 'per_visitor' );
		$per_site = Reactor_Elements_Settings::number( 'per_site' );
		$visitor = "rl_{$window}_v_" . md5( $client );
		$site = "rl_{$window}_s";
		$busy = __( 'Too many token requests.', 'reactor-elements' );
		if ( ! self::claim( $visitor, $per_visitor, $window ) ) {
			return array( 'rate-limited', $busy, $retry, "visitor {$client} asked for more than {$per_visitor} tokens a minute" );
		}
		if ( ! self::claim( $site, $per_site, $window ) ) {
			self::give_back( $visitor );
			return array( 'rate-limited', $busy, $retry, "the site asked for more than {$per_site} tokens a minute" );
		}
		if ( null !== $cost ) {
			$ceiling = (float) Reactor_Elements_Settings::number( 'daily_ceiling', 0 );
			$day = gmdate( 'Y-m-d', $now );
			if ( ! self::reserve( $day, $cost, $ceiling ) ) {
				self::give_back( $visitor );
				self::give_back( $site );
				$midnight = strtotime( $day . ' 00:00:00 UTC' ) + DAY_IN_SECONDS;
				return array( 'daily-ceiling', __( 'The site has reached its sessions for today.', 'reactor-elements' ), max( 1, $midnight - $now ), "the day's reservations would pass the daily ceiling {$ceiling} (each token reserves {$cost} credits)" );
			}
		}
		return null;
	}

	/** Credits reserved on `$day` (`Y-m-d`, UTC). */
	public static function spend( string $day ): float {
		global $wpdb;
		return (float) $wpdb->get_var( $wpdb->prepare( "SELECT option_value FROM {$wpdb->options} WHERE option_name = %s", self::PREFIX . 'spend_' . $day ) );
	}

	/** One slot of `$key` if fewer than `$limit` are taken. */
	private static function claim( string $key, int $limit, int $window ): bool {
		if ( wp_using_ext_object_cache() ) {
			wp_cache_add( $key, 0, self::GROUP, 120 );
			$taken = wp_cache_incr( $key, 1, self::GROUP );
			if ( false !== $taken && $taken <= $limit ) {
				return true;
			}
			if ( false !== $taken ) {
				wp_cache_decr( $key, 1, self::GROUP );
			}
			return false;
		}
		global $wpdb;
		$name = self::PREFIX . $key;
		$new = $wpdb->query( $wpdb->prepare( "INSERT IGNORE INTO {$wpdb->options} (option_name, option_value, autoload) VALUES (%s, '0', 'no')", $name ) );
		if ( 1 === $new ) {
			// A new minute: the windows before the last one count no more.
			$wpdb->query( $wpdb->prepare( "DELETE FROM {$wpdb->options} WHERE option_name LIKE %s AND option_name < %s", $wpdb->esc_like( self::PREFIX . 'rl_' ) . '%', self::PREFIX . 'rl_' . ( $window - 1 ) ) );
		}
		return 1 === $wpdb->query( $wpdb->prepare( "UPDATE {$wpdb->options} SET option_value = option_value + 1 WHERE option_name = %s AND option_value + 0 < %d", $name, $limit ) );
	}

	/** The slot `claim` took, given back (a later limit refused the token). */
	private static function give_back( string $key ): void {
		if ( wp_using_ext_object_cache() ) {
			wp_cache_decr( $key, 1, self::GROUP );
			return;
		}
		global $wpdb;
		$wpdb->query( $wpdb->prepare( "UPDATE {$wpdb->options} SET option_value = GREATEST(option_value - 1, 0) WHERE option_name = %s", self::PREFIX . $key ) );
	}

	/** Adds `$cost` to the day's reservations if they stay within `$ceiling`. */
	private static function reserve( string $day, float $cost, float $ceiling ): bool {
		global $wpdb;
		$name = self::PREFIX . 'spend_' . $day;
		$new = $wpdb->query( $wpdb->prepare( "INSERT IGNORE INTO {$wpdb->options} (option_name, option_value, autoload) VALUES (%s, '0', 'no')", $name ) );
		if ( 1 === $new ) {
			$wpdb->query( $wpdb->prepare( "DELETE FROM {$wpdb->options} WHERE option_name LIKE %s AND option_name < %s", $wpdb->esc_like( self::PREFIX . 'spend_' ) . '%', $name ) );
		}
		return 1 === $wpdb->query( $wpdb->prepare( "UPDATE {$wpdb->options} SET option_value = option_value + %f WHERE option_name = %s AND option_value + %f <= %f", $cost, $name, $cost, $ceiling ) );
	}
}
