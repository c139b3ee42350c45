package org.manyi.surveys.web;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.manyi.surveys.SurveyId;
import org.manyi.surveys.internal.Survey;
import org.manyi.surveys.internal.SurveyManagement;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** A QR code image of a survey's link, for posters, receipts and store counters. */
@Controller
@PreAuthorize("hasAuthority('PERM_SURVEYS_READ')")
class QrCodeController {

  private static final int SIZE = 320;
  private static final int BLACK = 0xFF000000;
  private static final int WHITE = 0xFFFFFFFF;

  private final SurveyManagement surveys;

  QrCodeController(SurveyManagement surveys) {
    this.surveys = surveys;
  }

  @GetMapping(value = "/surveys/{id}/qr.png", produces = MediaType.IMAGE_PNG_VALUE)
  ResponseEntity<byte[]> qr(@PathVariable UUID id) throws IOException, WriterException {
    Survey survey = surveys.get(new SurveyId(id));
    String link =
        ServletUriComponentsBuilder.fromCurrentContextPath()
            .path("/s/{token}")
            .buildAndExpand(survey.anonymousToken())
            .toUriString();
    BitMatrix matrix =
        new QRCodeWriter()
            .encode(
                link,
                BarcodeFormat.QR_CODE,
                SIZE,
                SIZE,
                Map.of(
                    EncodeHintType.ERROR_CORRECTION,
                    ErrorCorrectionLevel.M,
                    EncodeHintType.MARGIN,
                    2));
    BufferedImage image =
        new BufferedImage(matrix.getWidth(), matrix.getHeight(), BufferedImage.TYPE_INT_RGB);
    for (int x = 0; x < matrix.getWidth(); x++) {
      for (int y = 0; y < matrix.getHeight(); y++) {
        image.setRGB(x, y, matrix.get(x, y) ? BLACK : WHITE);
      }
    }
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    ImageIO.write(image, "png", png);
    return ResponseEntity.ok()
        .contentType(MediaType.IMAGE_PNG)
        .cacheControl(CacheControl.noStore())
        .body(png.toByteArray());
  }
}
