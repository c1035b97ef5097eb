package org.openrma.service.ui;

import jakarta.servlet.MultipartConfigElement;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * The web UI's infrastructure: page timing, and multipart limits wide enough that an oversized
 * photo reaches {@link EvidenceFiles}, which refuses it with a message on the page (the container
 * would otherwise answer with a bare error before any controller runs).
 */
@Configuration(proxyBeanMethods = false)
public class UiConfiguration {

    /** {@code #fmt} in templates: money and dates in the page's language ({@link UiFormats}). */
    @Bean
    UiFormats.Dialect uiFormatsDialect() {
        return new UiFormats.Dialect();
    }

    @Bean
    PageTimings pageTimings() {
        return new PageTimings();
    }

    @Bean
    MultipartConfigElement multipartConfigElement(UiProperties properties) {
        long perFile = Math.max(properties.maxFileSize().toBytes() * 4, DataSize.ofMegabytes(64).toBytes());
        return new MultipartConfigElement(null, perFile, perFile * 2, (int) DataSize.ofMegabytes(1).toBytes());
    }
}
