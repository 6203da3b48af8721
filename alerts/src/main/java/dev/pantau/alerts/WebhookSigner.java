package dev.pantau.alerts;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks 1.0 signatures: {@code webhook-signature: v1,<base64 HMAC-SHA256 of
 * "id.timestamp.body">}. A secret written as {@code whsec_<base64>} (the standard's format) is the
 * base64-decoded key; any other secret is used as its UTF-8 bytes.
 */
public final class WebhookSigner {

  /** Prefix of secrets in the standard's format. */
  public static final String SECRET_PREFIX = "whsec_";

  private WebhookSigner() {}

  /** The key bytes of a secret. */
  public static byte[] key(String secret) {
    if (secret == null || secret.isEmpty()) {
      throw new IllegalArgumentException("webhook secret is empty");
    }
    if (secret.startsWith(SECRET_PREFIX)) {
      try {
        return Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length()));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "webhook secret starts with whsec_ but is not base64", e);
      }
    }
    return secret.getBytes(StandardCharsets.UTF_8);
  }

  /** The {@code webhook-signature} header value for a message. */
  public static String sign(byte[] key, String msgId, long timestampSeconds, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      byte[] sig =
          mac.doFinal(
              (msgId + "." + timestampSeconds + "." + body).getBytes(StandardCharsets.UTF_8));
      return "v1," + Base64.getEncoder().encodeToString(sig);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  /**
   * A stable message id for an alert record: the same alert and status give the same id on every
   * retry and replay.
   */
  public static String messageId(Alert alert) {
    try {
      byte[] h =
          MessageDigest.getInstance("SHA-256")
              .digest((alert.id() + "|" + alert.status().label()).getBytes(StandardCharsets.UTF_8));
      return "msg_" + Base64.getUrlEncoder().withoutPadding().encodeToString(h).substring(0, 27);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
