package com.agencyhub.shared.security;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/** A verified bearer token together with the {@link Actor} it stands for; the authorities are the actor's roles. */
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

    Jwt token() {
        return token;
    }

    ActorAuthentication actingAs(Actor resolved) {
        return new ActorAuthentication(token, resolved);
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
