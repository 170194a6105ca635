package com.agencyhub.notifications.internal;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which addresses a webhook may be delivered to: public ones only, so that an agency admin cannot make the backend post
 * to itself, to the database host or to anything else on the private network (server-side request forgery).
 */
public final class PublicAddresses {

    private static final Pattern IPV4_LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private PublicAddresses() {
    }

    public static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet6Address) {
            return (bytes[0] & 0xfe) != 0xfc; // fc00::/7, unique local
        }
        int first = bytes[0] & 0xff;
        int second = bytes[1] & 0xff;
        boolean sharedAddressSpace = first == 100 && second >= 64 && second <= 127; // 100.64.0.0/10, carrier NAT
        return first != 0 && !sharedAddressSpace;
    }

    /** The first public address of those {@code host} resolves to; refused when it has none. */
    public static InetAddress firstPublic(String host, InetAddress[] resolved) throws UnknownHostException {
        for (InetAddress address : resolved) {
            if (isPublic(address)) {
                return address;
            }
        }
        throw noPublicAddress(host);
    }

    static UnknownHostException noPublicAddress(String host) {
        return new UnknownHostException(host + " resolves to no public address; webhooks are only delivered to public "
                + "addresses");
    }

    /**
     * Whether a URL's host is local or private on its face: {@code localhost} or an address literal outside the public
     * ranges. Host names are checked again when a delivery resolves them.
     */
    public static boolean isPrivateLiteral(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        if (name.equals("localhost") || name.endsWith(".localhost")) {
            return true;
        }
        Optional<String> literal = name.startsWith("[") && name.endsWith("]")
                ? Optional.of(name.substring(1, name.length() - 1))
                : Optional.of(name).filter(candidate -> IPV4_LITERAL.matcher(candidate).matches());
        try {
            // an address literal is parsed, never looked up
            return literal.isPresent() && !isPublic(InetAddress.getByName(literal.get()));
        } catch (UnknownHostException e) {
            return true;
        }
    }
}
