package com.agencyhub.shared.security;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/** A verified bearer token together with the {@link Actor} read from it. */
public final class ActorAuthentication extends AbstractAuthenticationToken {

    private final transient Jwt token;
    private final Actor actor;

    ActorAuthentication(Jwt token, Actor actor) {
        super(actor.roles().stream().map(role -> new SimpleGrantedAuthority(role.authority())).toList());
        this.token = token;
        this.actor = actor;
        setAuthenticated(true);
    }

    public Actor actor() {
        return actor;
    }

    @Override
    public Object getCredentials() {
        return token;
    }

    @Override
    public Object getPrincipal() {
        return actor;
    }

    @Override
    public String getName() {
        return actor.userId().toString();
    }
}
