package org.nnplayground.playground;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

import java.awt.image.BufferedImage;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads QR codes back in tests: from pixels (a screenshot) or from the server's SVG, with ZXing's own decoder. */
public final class QrImages {
    private QrImages() {}

    /**
     * The text of the QR code in {@code image}; fails when there is none. A code drawn at a
     * fractional number of pixels a module (220 px for 37 modules: some 5 px, some 6) does not always
     * read as it stands, whatever the code says; drawn twice as large on a white margin, as one pure
     * code, it does (a phone's camera copes with either).
     */
    public static String decode(BufferedImage image) throws Exception {
        try {
            return read(image, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE));
        } catch (com.google.zxing.ReaderException unevenModules) {
            return read(doubledOnWhite(image), Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE, DecodeHintType.PURE_BARCODE, Boolean.TRUE));
        }
    }

    private static String read(BufferedImage image, Map<DecodeHintType, ?> hints) throws Exception {
        int w = image.getWidth(), h = image.getHeight();
        int[] rgb = image.getRGB(0, 0, w, h, null, 0, w);
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(w, h, rgb)));
        return new QRCodeReader().decode(bitmap, hints).getText();
    }

    private static BufferedImage doubledOnWhite(BufferedImage image) {
        int margin = 20;
        BufferedImage out = new BufferedImage(2 * image.getWidth() + 2 * margin, 2 * image.getHeight() + 2 * margin, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = out.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.drawImage(image, margin, margin, 2 * image.getWidth(), 2 * image.getHeight(), null); // nearest neighbour: the default
        g.dispose();
        return out;
    }

    private static final Pattern VIEW_BOX = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"");
    private static final Pattern MODULE = Pattern.compile("M(\\d+) (\\d+)h1v1h-1z");

    /**
     * Draws the server's QR SVG (a white ground and one 1x1 square per dark module) at {@code scale}
     * pixels a module. Every square in the path must be one module: anything else fails the test.
     */
    public static BufferedImage draw(String svg, int scale) {
        Matcher box = VIEW_BOX.matcher(svg);
        if (!box.find()) throw new AssertionError("no viewBox in " + svg);
        int w = Integer.parseInt(box.group(1)), h = Integer.parseInt(box.group(2));
        BufferedImage image = new BufferedImage(w * scale, h * scale, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h * scale; y++) for (int x = 0; x < w * scale; x++) image.setRGB(x, y, 0xffffff);
        String d = svg.substring(svg.indexOf(" d=\"") + 4, svg.lastIndexOf('"'));
        Matcher m = MODULE.matcher(d);
        int end = 0;
        while (m.find()) {
            if (m.start() != end) throw new AssertionError("unexpected path text at " + end);
            end = m.end();
            int mx = Integer.parseInt(m.group(1)), my = Integer.parseInt(m.group(2));
            for (int y = 0; y < scale; y++) for (int x = 0; x < scale; x++) image.setRGB(mx * scale + x, my * scale + y, 0);
        }
        if (end != d.length()) throw new AssertionError("unexpected path text at " + end);
        return image;
    }
}
