package org.stackadvisor.cli;

/** What a command prints: text for people (the default), or JSON for programs. */
enum Format { text, json }
