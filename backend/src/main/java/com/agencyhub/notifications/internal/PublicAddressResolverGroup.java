package com.agencyhub.notifications.internal;

import io.netty.resolver.AddressResolver;
import io.netty.resolver.AddressResolverGroup;
import io.netty.resolver.InetNameResolver;
import io.netty.resolver.InetSocketAddressResolver;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Promise;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;

/**
 * Name resolution for webhook deliveries that yields public addresses only, checked when the connection is made, so
 * that a host name pointed at a private address after the webhook was saved (DNS rebinding) is refused as well.
 */
final class PublicAddressResolverGroup extends AddressResolverGroup<InetSocketAddress> {

    static final PublicAddressResolverGroup INSTANCE = new PublicAddressResolverGroup();

    @Override
    protected AddressResolver<InetSocketAddress> newResolver(EventExecutor executor) {
        return new InetSocketAddressResolver(executor, new PublicOnly(executor));
    }

    /** The JDK's resolver, as Netty's default uses it, keeping only public addresses. */
    private static final class PublicOnly extends InetNameResolver {

        PublicOnly(EventExecutor executor) {
            super(executor);
        }

        @Override
        protected void doResolve(String host, Promise<InetAddress> promise) {
            try {
                promise.setSuccess(PublicAddresses.firstPublic(host, InetAddress.getAllByName(host)));
            } catch (UnknownHostException e) {
                promise.setFailure(e);
            }
        }

        @Override
        protected void doResolveAll(String host, Promise<List<InetAddress>> promise) {
            try {
                List<InetAddress> addresses = Arrays.stream(InetAddress.getAllByName(host))
                        .filter(PublicAddresses::isPublic).toList();
                if (addresses.isEmpty()) {
                    promise.setFailure(PublicAddresses.noPublicAddress(host));
                } else {
                    promise.setSuccess(addresses);
                }
            } catch (UnknownHostException e) {
                promise.setFailure(e);
            }
        }
    }
}
